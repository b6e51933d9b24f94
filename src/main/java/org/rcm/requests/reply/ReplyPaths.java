package org.rcm.requests.reply;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/** The public pages of the reply link live under {@code /reply/}: the reply page, and its receipt page. */
final class ReplyPaths {

    static final String PREFIX = "/reply/";
    /** After a token: the page where its recipient confirms the receipt of the request. */
    static final String RECEIPT = "/receipt";
    /** What a token looks like: base64url payload, a dot, base64url signature. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,1000}\\.[A-Za-z0-9_-]{1,200}");

    private ReplyPaths() {
    }

    /** The decoded, normalized path the container mapped ({@code /reply/..} already resolved), without the context. */
    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        return servletPath + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    static boolean isReplyPage(HttpServletRequest request) {
        String path = pathWithinApplication(request);
        return path != null && (path.equals("/reply") || path.startsWith(PREFIX));
    }

    /** {@code /reply/{token}/receipt}: a form without uploads, which checks its link itself. */
    static boolean isReceiptPage(HttpServletRequest request) {
        String path = pathWithinApplication(request);
        return path.startsWith(PREFIX) && path.endsWith(RECEIPT)
                && path.indexOf('/', PREFIX.length()) == path.length() - RECEIPT.length();
    }

    /** The last segment of {@code /reply/{token}}, whatever its shape; null for any other path. */
    static String token(HttpServletRequest request) {
        String path = pathWithinApplication(request);
        if (path == null || !path.startsWith(PREFIX)) {
            return null;
        }
        String token = path.substring(PREFIX.length());
        return token.isEmpty() || token.contains("/") ? null : token;
    }

    /** The form's own address for a request to it, when its last segment has the shape of a token; else null. */
    static String formPath(HttpServletRequest request) {
        String path = pathWithinApplication(request);
        if (path == null || !path.startsWith(PREFIX)) {
            return null;
        }
        String token = path.substring(PREFIX.length());
        return TOKEN.matcher(token).matches() ? request.getContextPath() + PREFIX + token : null;
    }
}
