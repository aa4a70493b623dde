import base64, hashlib, json, sys
archive = json.load(open(sys.argv[1]))
note = archive["checkpoint"]
origin, size, root = note.split("\n")[:3]
size, root = int(size), base64.b64decode(root)
H = lambda b: hashlib.sha256(b).digest()
for entry in archive["entries"]:
    leaf = entry["leaf"].encode()
    lines = entry["proof"].split("\n\n")[0].split("\n")
    index = int(lines[1].split()[1])
    path = [base64.b64decode(x) for x in lines[2:]]
    # RFC 9162 section 2.1.3.2
    fn, sn, r = index, size - 1, H(b"\x00" + leaf)
    for p in path:
        if fn & 1 or fn == sn:
            r = H(b"\x01" + p + r)
            while not fn & 1 and fn != 0:
                fn >>= 1; sn >>= 1
        else:
            r = H(b"\x01" + r + p)
        fn >>= 1; sn >>= 1
    assert sn == 0 and r == root, entry["leafIndex"]
    canonical = lambda o: json.dumps(o, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()
    fields = json.loads(entry["leaf"])
    assert base64.b64encode(H(canonical(entry["event"]["payload"]))).decode() == fields["payloadSha256"]
    if fields["format"] == "ledger-leaf/v2":  # who acted: the covered metadata
        assert base64.b64encode(H(canonical(entry["metadata"]))).decode() == fields["metadataSha256"]
print("independent check: %d leaves included in %s at size %d" % (len(archive["entries"]), origin, size))
