package org.rcm.requests.reply;

import jakarta.servlet.http.HttpServletRequest;

import org.rcm.requests.request.Receipt;
import org.rcm.requests.request.RequestRegistry;
import org.rcm.requests.security.FormTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /reply/{token}/receipt}, the "confirm receipt" link of a request email: opening it shows a button and records
 * nothing (mail filters open links to scan them); pressing the button, with the page's form token, records the
 * recipient's first acknowledgement. Pressing it again changes nothing. A receipt is never the reply.
 */
@Controller
class ReceiptPageController {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPageController.class);

    private final ReplyAdmission admission;
    private final RequestRegistry registry;
    private final ReceiptPageView pages;
    private final ReplyProblemView problems;
    private final ReplyNoticeView notices;

    ReceiptPageController(ReplyAdmission admission, RequestRegistry registry, ReceiptPageView pages,
                          ReplyProblemView problems, ReplyNoticeView notices) {
        this.admission = admission;
        this.registry = registry;
        this.pages = pages;
        this.problems = problems;
        this.notices = notices;
    }

    @GetMapping("/reply/{token}" + ReplyPaths.RECEIPT)
    ModelAndView show(@PathVariable String token, @RequestParam(required = false) String lang) {
        ReplyAdmission.Decision decision = admission.toRead(token);
        return decision.verdict() == ReplyAdmission.Verdict.OPEN
                ? pages.page(decision.reply(), token, lang, null, HttpStatus.OK) : refused(decision, token, lang);
    }

    @PostMapping("/reply/{token}" + ReplyPaths.RECEIPT)
    ModelAndView confirm(@PathVariable String token, @RequestParam(required = false) String lang,
                         HttpServletRequest request) {
        ReplyAdmission.Decision decision = admission.toRead(token);
        if (decision.verdict() != ReplyAdmission.Verdict.OPEN) {
            return refused(decision, token, lang);
        }
        ReplyCase reply = decision.reply();
        if (!FormTokens.matches(request)) {
            return pages.page(reply, token, lang, "receipt.error.session", HttpStatus.FORBIDDEN);
        }
        if (registry.acknowledge(reply.reference(), reply.recipient(), Receipt.LINK)) {
            LOG.info("Receipt of {} acknowledged by {} through the link", reply.reference(), reply.recipient());
        }
        return new ModelAndView("redirect:/reply/{token}" + ReplyPaths.RECEIPT
                + (ReplyTexts.speaks(lang) ? "?lang=" + lang : ""));
    }

    /** A link that does not verify shows no request; one whose recipient is done with says where to write. */
    private ModelAndView refused(ReplyAdmission.Decision decision, String token, String lang) {
        return decision.verdict() == ReplyAdmission.Verdict.CLOSED ? notices.closed(decision.reply(), token, lang)
                : problems.invalidLink();
    }
}
