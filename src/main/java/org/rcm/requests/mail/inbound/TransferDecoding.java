package org.rcm.requests.mail.inbound;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;

/**
 * Lenient Content-Transfer-Encoding decoders, used when jakarta.mail's own decoders give up (truncated base64, stray
 * characters, unknown encodings). A damaged body still yields the bytes that can be recovered.
 */
final class TransferDecoding {

    private TransferDecoding() {
    }

    static byte[] decode(byte[] raw, String encoding) {
        String enc = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        if (enc.equals("base64")) {
            return base64(raw);
        }
        if (enc.equals("quoted-printable")) {
            return quotedPrintable(raw);
        }
        return raw; // 7bit, 8bit, binary and names nobody knows: the bytes as they are
    }

    static byte[] base64(byte[] raw) {
        // Decoded chunk by chunk: some encoders pad every line, so '=' may also appear mid-stream.
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 3 / 4 + 3);
        StringBuilder chunk = new StringBuilder();
        for (byte b : raw) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && Character.isLetterOrDigit(c) || c == '+' || c == '/') {
                chunk.append(c);
            } else if (c == '=') {
                decodeChunk(chunk, out);
            }
        }
        decodeChunk(chunk, out);
        return out.toByteArray();
    }

    private static void decodeChunk(StringBuilder chunk, ByteArrayOutputStream out) {
        int rest = chunk.length() % 4;
        if (rest == 1) {
            chunk.setLength(chunk.length() - 1); // a lone sextet carries no whole byte
        } else if (rest > 1) {
            chunk.append("==", 0, 4 - rest);
        }
        if (chunk.length() > 0) {
            out.writeBytes(Base64.getDecoder().decode(chunk.toString()));
        }
        chunk.setLength(0);
    }

    static byte[] quotedPrintable(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b != '=') {
                out.write(b);
                continue;
            }
            if (i + 1 < raw.length && raw[i + 1] == '\n') { // soft line break
                i += 1;
            } else if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                i += 2;
            } else if (i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                out.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                out.write(b); // not an escape: keep the '=' as written
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit((char) (b & 0xFF), 16);
    }
}
