package org.rcm.requests.reply;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload to the reply form over the multipart limits fails while the request is parsed, before any controller
 * is chosen, so neither the controller's nor a scoped advice's {@code @ExceptionHandler} would see it. This resolver
 * answers such failures under {@code /reply/} with the 413 page and leaves every other address to the defaults.
 */
@Component
class ReplyUploadLimitResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyUploadLimitResolver.class);

    private final ReplyProblemView problems;

    ReplyUploadLimitResolver(ReplyProblemView problems) {
        this.problems = problems;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!(exception instanceof MultipartException) || !ReplyPaths.isReplyPage(request)) {
            return null;
        }
        LOG.info("Upload to the reply form refused ({} bytes announced): {}", request.getContentLengthLong(),
                exception.getMessage());
        return problems.tooLarge(ReplyPaths.formPath(request));
    }

    /** Before Spring MVC's own resolvers, after Spring Boot's error attributes (which only take note). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
