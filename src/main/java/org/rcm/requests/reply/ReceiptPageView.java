package org.rcm.requests.reply;

import java.time.Instant;

import org.rcm.requests.mail.MailProperties;
import org.rcm.requests.request.RequestDetails;
import org.rcm.requests.request.RequestRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** The model of {@code reply/receipt}: the request, and the button, or when the receipt was confirmed. */
@Component
class ReceiptPageView {

    static final String VIEW = "reply/receipt";

    private final ReplyTexts texts;
    private final RequestRegistry registry;
    private final MailProperties mail;

    ReceiptPageView(ReplyTexts texts, RequestRegistry registry, MailProperties mail) {
        this.texts = texts;
        this.registry = registry;
        this.mail = mail;
    }

    /**
     * @param requestedLanguage the {@code lang} of the address or the form; the contact's language when absent
     * @param noticeKey         a message about the press of the button that was not taken, or null
     */
    ModelAndView page(ReplyCase reply, String token, String requestedLanguage, String noticeKey, HttpStatus status) {
        String language = ReplyTexts.choose(requestedLanguage, reply.language());
        ReplyTexts.Texts t = texts.in(language);
        Instant acknowledged = registry.recipients(reply.reference()).stream()
                .filter(recipient -> recipient.code().equals(reply.recipient())).findFirst()
                .map(RequestDetails.Recipient::acknowledgedAt).orElse(null);
        ModelAndView page = ReplyPageView.recipientPage(VIEW, status, t, language, requestedLanguage, token, reply);
        page.addObject("acknowledged", acknowledged == null ? null : t.dateTime(acknowledged));
        page.addObject("notice", noticeKey == null ? null : t.get(noticeKey));
        page.addObject("secretariatAddress", mail.secretariatAddress());
        return page;
    }
}
