package org.rcm.requests.reply;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.rcm.requests.answer.Answer;
import org.rcm.requests.answer.AnswerCheck;
import org.rcm.requests.mail.inbound.ReplyIntake;
import org.rcm.requests.security.FormTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public reply page, {@code /reply/{token}}: the holder of a personal link reads the request and answers it,
 * with text and files, without an account. A link that does not verify shows no request data.
 */
@Controller
class ReplyPageController {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyPageController.class);
    static final String MORE_ROWS = "more-rows";

    private final ReplyAdmission admission;
    private final ReplyIntake intake;
    private final ReplySubmissionCheck check;
    private final ReplyPageView pages;
    private final ReplyProblemView problems;
    private final ReplyNoticeView notices;
    private final ReplyAnswerForms answerForms;

    ReplyPageController(ReplyAdmission admission, ReplyIntake intake, ReplySubmissionCheck check,
                        ReplyPageView pages, ReplyProblemView problems, ReplyNoticeView notices,
                        ReplyAnswerForms answerForms) {
        this.admission = admission;
        this.intake = intake;
        this.check = check;
        this.pages = pages;
        this.problems = problems;
        this.notices = notices;
        this.answerForms = answerForms;
    }

    @GetMapping("/reply/{token}")
    ModelAndView show(@PathVariable String token, @RequestParam(required = false) String lang,
                      @RequestParam(required = false) String sent, HttpServletRequest request) {
        ReplyAdmission.Decision decision = admission.toRead(token);
        return switch (decision.verdict()) {
            case INVALID -> problems.invalidLink();
            case CLOSED -> notices.closed(decision.reply(), token, lang);
            default -> pages.page(decision.reply(), token, lang, ReplyPageView.Form.blank(sent != null),
                    answerForms.of(decision.reply().reference()).orElse(null), HttpStatus.OK);
        };
    }

    /** A link broken on its way, such as one cut at a line end with part of the next line glued on. */
    @RequestMapping({"/reply", "/reply/**"})
    ModelAndView malformed() {
        return problems.invalidLink();
    }

    /**
     * A post the {@link ReplyPostGate} admitted: the link opens, takes answers, and has posts left this hour. A
     * request whose kind has a reply form takes its fields too ({@link ReplyAnswerForms}); {@code action=more-rows}
     * only shows the form again with more rows in its tables.
     */
    @PostMapping("/reply/{token}")
    ModelAndView submit(@PathVariable String token, @RequestParam(required = false) String text,
                        @RequestParam(name = "files", required = false) List<MultipartFile> files,
                        @RequestParam(required = false) String lang,
                        @RequestParam(required = false) String action,
                        @RequestParam(name = "extraRows", defaultValue = "0") int extraRows,
                        @RequestParam MultiValueMap<String, String> params,
                        @RequestAttribute(name = ReplyPostGate.ADMITTED, required = false) ReplyCase reply,
                        HttpServletRequest request) {
        if (reply == null) {
            return problems.invalidLink();
        }
        List<MultipartFile> chosen = ReplyUploads.chosen(files);
        ReplyAnswerForms.PageForm answerForm = answerForms.of(reply.reference()).orElse(null);
        Answer typed = answerForm == null ? Answer.EMPTY : ReplyAnswerForms.read(answerForm, params);
        int rows = Math.max(0, Math.min(extraRows, AnswerCheck.MAX_ROWS));
        if (!FormTokens.matches(request)) {
            return pages.page(reply, token, lang, ReplyPageView.Form.again(text, List.of(), typed, List.of(), rows,
                    !chosen.isEmpty()).notTaken("reply.error.session"), answerForm, HttpStatus.FORBIDDEN);
        }
        if (MORE_ROWS.equals(action) && answerForm != null) {
            return pages.page(reply, token, lang, ReplyPageView.Form.again(text, List.of(), typed, List.of(),
                    rows + ReplyAnswerView.MORE_ROWS, !chosen.isEmpty()), answerForm, HttpStatus.OK);
        }
        List<ReplySubmissionCheck.Problem> found = check.check(text, chosen, !typed.blank());
        List<AnswerCheck.Problem> wrong = answerForm == null ? List.of() : ReplyAnswerForms.check(answerForm, typed);
        if (!found.isEmpty() || !wrong.isEmpty()) {
            ReplyPageView.Form again = answerForm == null ? ReplyPageView.Form.invalid(text, found)
                    : ReplyPageView.Form.again(text, found, typed, wrong, rows, !chosen.isEmpty());
            return pages.page(reply, token, lang, again, answerForm, HttpStatus.OK);
        }
        try {
            long id = answerForms.store(reply.reference(), reply.recipient(), answerForm, typed, () ->
                    intake.receiveLinkReply(reply.reference(), reply.recipient(), text == null ? "" : text.strip(),
                            ReplyUploads.toAttachments(chosen)));
            LOG.info("Reply to {} from {} through the link: message {} with {} file(s)", reply.reference(),
                    reply.recipient(), id, chosen.size());
        } catch (RuntimeException e) {
            LOG.error("Reply to {} from {} through the link could not be taken", reply.reference(), reply.recipient(), e);
            return pages.page(reply, token, lang, ReplyPageView.Form.again(text, List.of(), typed, List.of(), rows,
                    !chosen.isEmpty()).notTaken("reply.error.technical"), answerForm,
                    HttpStatus.SERVICE_UNAVAILABLE);
        }
        return new ModelAndView("redirect:/reply/{token}?sent"
                + (ReplyTexts.speaks(lang) ? "&lang=" + lang : ""));
    }
}
