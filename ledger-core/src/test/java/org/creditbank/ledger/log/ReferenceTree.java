package org.creditbank.ledger.log;

import java.util.ArrayList;
import java.util.List;

/** The RFC 9162 §2.1 definitions, recursively and literally, over leaf hashes: the oracle for the tree tests. */
final class ReferenceTree {

    private ReferenceTree() {
    }

    static Hash mth(List<Hash> d) {
        if (d.isEmpty()) {
            return Rfc6962.emptyRoot();
        }
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = k(d.size());
        return Rfc6962.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    static List<Hash> path(int m, List<Hash> d) {
        List<Hash> result = new ArrayList<>();
        if (d.size() <= 1) {
            return result;
        }
        int k = k(d.size());
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, d.size())));
        } else {
            result.addAll(path(m - k, d.subList(k, d.size())));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    static List<Hash> proof(int m, List<Hash> d) {
        return m == 0 || m == d.size() ? List.of() : subproof(m, d, true);
    }

    private static List<Hash> subproof(int m, List<Hash> d, boolean b) {
        List<Hash> result = new ArrayList<>();
        if (m == d.size()) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = k(d.size());
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, d.size())));
        } else {
            result.addAll(subproof(m - k, d.subList(k, d.size()), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
