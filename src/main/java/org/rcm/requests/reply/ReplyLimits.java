package org.rcm.requests.reply;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * What one submission through the reply link may carry: the text and the number of files are checked here; the
 * sizes are the servlet container's multipart limits ({@code spring.servlet.multipart.*}), shown on the page.
 */
@Component
class ReplyLimits {

    private final int maxFiles;
    private final int maxTextLength;
    private final DataSize maxFileSize;
    private final DataSize maxRequestSize;

    ReplyLimits(@Value("${app.reply.max-files:10}") int maxFiles,
                @Value("${app.reply.max-text-length:20000}") int maxTextLength,
                @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize,
                @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequestSize) {
        this.maxFiles = maxFiles;
        this.maxTextLength = maxTextLength;
        this.maxFileSize = maxFileSize;
        this.maxRequestSize = maxRequestSize;
    }

    int maxFiles() {
        return maxFiles;
    }

    int maxTextLength() {
        return maxTextLength;
    }

    DataSize maxFileSize() {
        return maxFileSize;
    }

    DataSize maxRequestSize() {
        return maxRequestSize;
    }
}
