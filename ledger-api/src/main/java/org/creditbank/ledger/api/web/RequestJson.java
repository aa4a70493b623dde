package org.creditbank.ledger.api.web;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * How request bodies are read beyond what application.yml can say: the bytes must be UTF-8 — an overlong form
 * ({@code C0 AF} for "/"), an encoded surrogate or a code point beyond U+10FFFF is refused, never decoded leniently
 * into text the ledger stores — and a number is not read as true or false.
 */
@Configuration(proxyBeanMethods = false)
public class RequestJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictRequestJson() {
        return builder -> builder.postConfigurer(json -> {
            json.getFactory().setInputDecorator(new Utf8Only());
            json.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        });
    }

    /** Whether a body failed to be read because its bytes are not UTF-8. */
    static boolean notUtf8(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    /** Passes bytes on as they are read, failing with a {@link MalformedInputException} at the first that is not UTF-8. */
    private static final class Utf8Only extends InputDecorator {

        @Override
        public InputStream decorate(IOContext context, InputStream in) {
            return new Utf8Checked(in);
        }

        @Override
        public InputStream decorate(IOContext context, byte[] bytes, int offset, int length) {
            return new Utf8Checked(new ByteArrayInputStream(bytes, offset, length));
        }

        @Override
        public Reader decorate(IOContext context, Reader reader) {
            return reader;
        }
    }

    private static final class Utf8Checked extends FilterInputStream {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        /** The start of a sequence the last read cut off. */
        private ByteBuffer carried = ByteBuffer.allocate(0);

        Utf8Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            ByteBuffer input = ByteBuffer.allocate(carried.remaining() + Math.max(n, 0)).put(carried);
            if (n > 0) {
                input.put(bytes, offset, n);
            }
            input.flip();
            CoderResult result = decoder.decode(input, CharBuffer.allocate(input.remaining()), n < 0);
            if (result.isError() || n < 0 && input.hasRemaining()) {
                throw new MalformedInputException(result.isError() ? result.length() : input.remaining());
            }
            carried = input.slice();
            return n;
        }

        @Override
        public long skip(long count) throws IOException {
            return read(new byte[(int) Math.min(count, 8192)], 0, (int) Math.min(count, 8192));
        }
    }
}
