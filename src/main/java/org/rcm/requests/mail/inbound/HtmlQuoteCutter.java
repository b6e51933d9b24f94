package org.rcm.requests.mail.inbound;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Removes the quoted original from an HTML reply, using the markers mail clients put around it. Two kinds:
 * <ul>
 * <li>containers after which everything is the original (Gmail's {@code div.gmail_quote}, Outlook's
 * {@code #divRplyFwdMsg} and {@code #appendonsend}, Hotmail's {@code hr#stopSpelling}, Yahoo's {@code .yahoo_quoted}):
 * the container and everything after it go;</li>
 * <li>quote headers that sit above a blockquote (Thunderbird's {@code .moz-cite-prefix}, Gmail's
 * {@code .gmail_attr}): only the header goes, the blockquote stays and becomes {@code >} lines, so that answers
 * written between quotes survive.</li>
 * </ul>
 * Anything these miss (Outlook's "From: … Sent: …" block, Apple's "On … wrote:") is caught as text afterwards.
 */
final class HtmlQuoteCutter {

    private static final String CUT_FROM_HERE = String.join(",",
            "div.gmail_quote", "div.gmail_quote_container", "#divRplyFwdMsg", "#appendonsend", "hr#stopSpelling",
            "[class*=yahoo_quoted]", "[id*=yahoo_quoted]", "#mail-editor-reference-message-container",
            "div.OutlookMessageHeader", "div.zmail_extra", "div.protonmail_quote", "#isForwardContent",
            "#isReplyContent", "div[name=messageReplySection]", "div[name=quote]");
    private static final String QUOTE_HEADERS = "div.moz-cite-prefix, div.gmail_attr, .moz-forward-container > .moz-forward-header";

    private HtmlQuoteCutter() {
    }

    /** Cuts the document in place and returns it. */
    static Document cut(Document document) {
        Element body = document.body();
        if (body == null) {
            return document;
        }
        body.select(QUOTE_HEADERS).remove();
        Element first = body.selectFirst(CUT_FROM_HERE);
        if (first != null) {
            removeFrom(first, body);
        }
        return document;
    }

    /** Removes the node, its following siblings, and the following siblings of each ancestor up to the body. */
    private static void removeFrom(Node node, Element body) {
        Node current = node;
        while (current != null && current != body) {
            Node parent = current.parent();
            Node next = current.nextSibling();
            if (current == node) {
                current.remove();
            }
            while (next != null) {
                Node after = next.nextSibling();
                next.remove();
                next = after;
            }
            current = parent;
        }
    }
}
