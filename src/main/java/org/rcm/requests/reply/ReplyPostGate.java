package org.rcm.requests.reply;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Decides on a post to the reply page before its body is read: the container parses a multipart upload (to temporary
 * files) as soon as anything asks for a parameter, and Spring MVC asks before choosing a controller. A link that does
 * not open, has closed, or has taken its posts for the hour is answered here, with the body unread; an admitted post
 * goes on with its {@link ReplyCase} as the request attribute {@link #ADMITTED}. The receipt page takes no upload and
 * checks its link itself ({@link ReceiptPageController}). Runs after
 * {@link ReplySecurityHeaders}, so that its pages carry the same headers.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ReplyPostGate extends OncePerRequestFilter {

    /** A constant (annotations name it): the admitted post's {@link ReplyCase}. */
    static final String ADMITTED = "org.rcm.requests.reply.ReplyPostGate.admitted";
    private static final Set<String> WITHOUT_BODY = Set.of("GET", "HEAD", "OPTIONS");
    private static final Logger LOG = LoggerFactory.getLogger(ReplyPostGate.class);

    private final ReplyAdmission admission;
    private final ReplyProblemView problems;
    private final ReplyNoticeView notices;
    private final ThymeleafViewResolver views;
    private final Clock clock;

    ReplyPostGate(ReplyAdmission admission, ReplyProblemView problems, ReplyNoticeView notices,
                  ThymeleafViewResolver views, Clock clock) {
        this.admission = admission;
        this.problems = problems;
        this.notices = notices;
        this.views = views;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ReplyPaths.isReplyPage(request) || WITHOUT_BODY.contains(request.getMethod())
                || ReplyPaths.isReceiptPage(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = ReplyPaths.token(request);
        ReplyAdmission.Decision decision = token == null || !"POST".equals(request.getMethod())
                ? new ReplyAdmission.Decision(ReplyAdmission.Verdict.INVALID, null, null) : admission.toPost(token);
        ReplyCase reply = decision.reply();
        switch (decision.verdict()) {
            case OPEN -> {
                request.setAttribute(ADMITTED, reply);
                chain.doFilter(request, response);
            }
            case INVALID -> render(problems.invalidLink(), request, response);
            case CLOSED -> {
                LOG.info("Post to the closed reply link of {} / {} refused", reply.reference(), reply.recipient());
                render(notices.closed(reply, token, null), request, response);
            }
            case BUSY -> {
                LOG.info("Post to the reply link of {} / {} refused until {}: the hour's posts are used up",
                        reply.reference(), reply.recipient(), decision.retryAt());
                long millis = Duration.between(clock.instant(), decision.retryAt()).toMillis();
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (millis + 999) / 1000)));
                render(notices.busy(reply, token, decision.retryAt()), request, response);
            }
        }
    }

    private void render(ModelAndView page, HttpServletRequest request, HttpServletResponse response)
            throws ServletException {
        response.setStatus(page.getStatus().value());
        try {
            views.resolveViewName(page.getViewName(), request.getLocale()).render(page.getModel(), request, response);
        } catch (Exception e) {
            throw new ServletException("Could not render " + page.getViewName(), e);
        }
    }
}
