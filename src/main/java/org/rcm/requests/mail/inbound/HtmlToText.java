package org.rcm.requests.mail.inbound;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML mail to plain text that is safe to store and show: no tags, no scripts or styles, entities resolved, line
 * structure kept (blocks and {@code <br>} become line breaks). Blockquotes come out as {@code > } lines, the way a
 * plain-text client would quote, so that {@link ReplyTextExtractor} handles both kinds of mail with one set of rules.
 */
final class HtmlToText {

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "center", "dd",
            "div", "dl", "dt", "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul");
    private static final Set<String> INVISIBLE = Set.of("script", "style", "head", "title", "noscript", "template",
            "svg", "object", "iframe", "embed", "xml", "meta", "link", "button", "select", "input", "textarea");

    private HtmlToText() {
    }

    static String convert(String html) {
        return convert(parse(html));
    }

    static Document parse(String html) {
        return Jsoup.parse(html == null ? "" : html);
    }

    static String convert(Document document) {
        document.select(String.join(",", INVISIBLE)).remove();
        Writer writer = new Writer();
        NodeTraversor.traverse(writer, document.body() == null ? document : document.body());
        writer.endLine();
        return tidy(writer.out.toString());
    }

    /** Collects text; tracks quote depth and whether the current line is still empty. */
    private static final class Writer implements NodeVisitor {
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private int quoteDepth;
        private int preDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                String s = preDepth > 0 ? text.getWholeText() : text.text();
                if (preDepth > 0) {
                    String[] parts = s.split("\\r?\\n", -1);
                    for (int i = 0; i < parts.length; i++) {
                        if (i > 0) {
                            newline();
                        }
                        append(parts[i]);
                    }
                } else {
                    append(s);
                }
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br")) {
                    newline();
                } else if (BLOCKS.contains(tag)) {
                    endLine();
                    if (isParagraph(e)) {
                        blankLine();
                    } else if (isEmptyWordParagraph(e)) {
                        newline(); // Outlook's blank line
                    }
                    if (tag.equals("blockquote")) {
                        quoteDepth++;
                    } else if (tag.equals("pre")) {
                        preDepth++;
                    } else if (tag.equals("li")) {
                        append("- ");
                    }
                } else if (tag.equals("td") || tag.equals("th")) {
                    if (!line.toString().isBlank()) {
                        append(" ");
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                endLine();
                if (isParagraph(e)) {
                    blankLine();
                }
                if (e.normalName().equals("blockquote")) {
                    quoteDepth--;
                } else if (e.normalName().equals("pre")) {
                    preDepth--;
                }
            }
        }

        private void append(String s) {
            if (line.length() == 0 && preDepth == 0) {
                s = s.stripLeading(); // collapsed whitespace at the start of a line is layout, not content
            }
            line.append(s);
        }

        /** A {@code <br>}: always ends the line, even an empty one. */
        private void newline() {
            String prefix = ">".repeat(Math.max(0, quoteDepth));
            String text = line.toString().stripTrailing();
            if (!prefix.isEmpty()) {
                out.append(prefix).append(text.isEmpty() ? "" : " ");
            }
            out.append(text).append('\n');
            line.setLength(0);
        }

        /** Paragraph spacing, once: consecutive paragraphs are separated by one blank line, not two. */
        private void blankLine() {
            endLine();
            if (out.length() > 0 && !out.toString().endsWith("\n\n") && !endsWithEmptyQuoteLine()) {
                newline();
            }
        }

        private boolean endsWithEmptyQuoteLine() {
            int end = out.length() - 1;
            int start = out.lastIndexOf("\n", end - 1) + 1;
            return out.substring(start, end).matches(">+");
        }

        /** A block boundary: ends the line only if something was written on it. */
        private void endLine() {
            if (!line.toString().isBlank()) {
                newline();
            } else {
                line.setLength(0);
            }
        }

    }

    /**
     * Paragraphs and rules get a blank line around them. Word's {@code p.MsoNormal} does not: Outlook writes every
     * line as such a paragraph with zero margins, and an empty one where the author left a blank line.
     */
    private static boolean isParagraph(Element e) {
        String tag = e.normalName();
        return tag.equals("hr") || tag.equals("p") && !e.hasClass("MsoNormal") && !e.hasClass("MsoPlainText");
    }

    private static boolean isEmptyWordParagraph(Element e) {
        return e.normalName().equals("p") && e.hasClass("MsoNormal")
                && e.wholeText().replace('\u00A0', ' ').isBlank() && e.selectFirst("img") == null;
    }

    /** Invisible characters out, trailing spaces off, no runs of blank lines. */
    static String tidy(String text) {
        String s = text.replace('\u00A0', ' ')
                .replaceAll("[\\u200B-\\u200F\\u202A-\\u202E\\u2060\\uFEFF\\u00AD]", "")
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n");
        return s.strip();
    }
}
