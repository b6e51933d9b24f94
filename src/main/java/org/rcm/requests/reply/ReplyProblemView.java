package org.rcm.requests.reply;

import org.rcm.requests.mail.MailProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code reply/problem}: the pages shown when no request can be shown, in Spanish and English since the
 * recipient's language is not known. They name no request.
 */
@Component
class ReplyProblemView {

    static final String VIEW = "reply/problem";

    private final ReplyTexts texts;
    private final ReplyLimits limits;
    private final MailProperties mail;

    ReplyProblemView(ReplyTexts texts, ReplyLimits limits, MailProperties mail) {
        this.texts = texts;
        this.limits = limits;
        this.mail = mail;
    }

    /** A link that is unknown, altered or expired; they cannot be told apart, and need not be. */
    ModelAndView invalidLink() {
        return problem(HttpStatus.NOT_FOUND, "reply.invalid", null, mail.secretariatAddress());
    }

    /**
     * An upload over the multipart limits: nothing of it was taken; what was sent before stays.
     *
     * @param formPath the form to go back to, or null
     */
    ModelAndView tooLarge(String formPath) {
        ReplyTexts.Texts any = texts.in("es");
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "reply.too-large", formPath, any.size(limits.maxFileSize()),
                any.size(limits.maxRequestSize()), limits.maxFiles(), mail.secretariatAddress());
    }

    private ModelAndView problem(HttpStatus status, String key, String formPath, Object... args) {
        ModelAndView page = new ModelAndView(VIEW, status);
        page.addObject("es", texts.in("es"));
        page.addObject("en", texts.in("en"));
        page.addObject("titleKey", key + ".title");
        page.addObject("bodyKey", key + ".body");
        page.addObject("args", args);
        page.addObject("formPath", formPath);
        page.addObject("secretariatAddress", mail.secretariatAddress());
        return page;
    }
}
