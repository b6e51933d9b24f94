package org.rcm.requests.reply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rcm.requests.answer.Answer;
import org.rcm.requests.answer.AnswerCheck;
import org.rcm.requests.mail.MailProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** The model of {@code reply/page}: the request, earlier answers, and the form with what the sender typed. */
@Component
class ReplyPageView {

    static final String VIEW = "reply/page";

    /**
     * The state of the form.
     *
     * @param text      what the sender typed, shown again when the submission was not taken
     * @param problems  field messages
     * @param noticeKey a message about the whole submission (session expired, technical problem), or null
     * @param sent      the page follows a successful submission
     */
    record Form(String text, List<ReplySubmissionCheck.Problem> problems, String noticeKey, boolean sent,
                Answer answer, List<AnswerCheck.Problem> answerProblems, int extraRows, boolean filesDropped) {

        static Form blank(boolean sent) {
            return new Form(null, List.of(), null, sent, Answer.EMPTY, List.of(), 0, false);
        }

        static Form invalid(String text, List<ReplySubmissionCheck.Problem> problems) {
            return new Form(text, problems, null, false, Answer.EMPTY, List.of(), 0, false);
        }

        /**
         * The form again with everything typed in it: after problems, or after the button that adds rows (files
         * cannot be kept across a page: the sender chooses them again).
         */
        static Form again(String text, List<ReplySubmissionCheck.Problem> problems, Answer answer,
                          List<AnswerCheck.Problem> answerProblems, int extraRows, boolean filesDropped) {
            return new Form(text, problems, null, false, answer, answerProblems, extraRows, filesDropped);
        }

        /** The submission was not taken: the text and the answer are shown again with a notice. */
        Form notTaken(String noticeKey) {
            return new Form(text, problems, noticeKey, false, answer, List.of(), 0, filesDropped);
        }
    }

    private final ReplyTexts texts;
    private final ReplyLimits limits;
    private final MailProperties mail;

    ReplyPageView(ReplyTexts texts, ReplyLimits limits, MailProperties mail) {
        this.texts = texts;
        this.limits = limits;
        this.mail = mail;
    }

    /**
     * @param requestedLanguage the {@code lang} of the address or the form; the contact's language when absent
     * @param answerForm the request's reply form, as the caller found it; null when it is answered in text
     */
    ModelAndView page(ReplyCase reply, String token, String requestedLanguage, Form form,
                      ReplyAnswerForms.PageForm answerForm, HttpStatus status) {
        String language = ReplyTexts.choose(requestedLanguage, reply.language());
        ReplyTexts.Texts t = texts.in(language);
        Map<String, String> errors = new LinkedHashMap<>();
        form.problems().forEach(problem -> errors.putIfAbsent(problem.field(), t.get(problem.key(), problem.args())));
        // the reply form's problems link to their inputs, in the form's order
        form.answerProblems().forEach(problem -> errors.putIfAbsent(ReplyAnswerView.id(problem.path()),
                problem.message(language)));

        ModelAndView page = recipientPage(VIEW, status, t, language, requestedLanguage, token, reply);
        page.addObject("received", reply.received().stream().map(t::dateTime).toList());
        page.addObject("text", form.text());
        page.addObject("errors", errors);
        page.addObject("notice", form.noticeKey() == null ? null : t.get(form.noticeKey(), mail.secretariatAddress()));
        page.addObject("sent", form.sent());
        page.addObject("answerItems", answerForm == null ? null : ReplyAnswerView.items(answerForm, form.answer(),
                form.answerProblems(), language, form.extraRows()));
        page.addObject("filesDropped", form.filesDropped());
        page.addObject("extraRows", form.extraRows());
        page.addObject("maxFiles", limits.maxFiles());
        page.addObject("maxTextLength", limits.maxTextLength());
        page.addObject("maxFileSize", t.size(limits.maxFileSize()));
        page.addObject("maxRequestSize", t.size(limits.maxRequestSize()));
        page.addObject("secretariatAddress", mail.secretariatAddress());
        page.addObject("closing", reply.acceptsUntil() == null ? null
                : t.get("reply.closing", t.dateTime(reply.acceptsUntil()), mail.secretariatAddress()));
        return page;
    }

    /** What every page of a recipient's link shows: its texts and language switch, the request and its due date. */
    static ModelAndView recipientPage(String view, HttpStatus status, ReplyTexts.Texts t, String language,
                                      String requestedLanguage, String token, ReplyCase reply) {
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("t", t);
        page.addObject("lang", language);
        page.addObject("otherLang", language.equals("es") ? "en" : "es");
        page.addObject("keepLang", ReplyTexts.speaks(requestedLanguage));
        page.addObject("token", token);
        page.addObject("reply", reply);
        page.addObject("recipientName", reply.recipientName(language));
        page.addObject("due", t.date(reply.replyDue()));
        return page;
    }
}
