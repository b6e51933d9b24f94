package org.rcm.requests.reply;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Checks a submission before anything is stored: something to send, the text not too long, not too many files. */
@Component
class ReplySubmissionCheck {

    static final String TEXT = "text";
    static final String FILES = "files";

    /** One problem with one field, as a key of the page texts and its arguments. */
    record Problem(String field, String key, Object... args) {
    }

    private final ReplyLimits limits;

    ReplySubmissionCheck(ReplyLimits limits) {
        this.limits = limits;
    }

    /**
     * @param files    the files the sender chose ({@link ReplyUploads#chosen})
     * @param answered the sender filled in the reply form: text and files are then optional
     */
    List<Problem> check(String text, List<MultipartFile> files, boolean answered) {
        List<Problem> problems = new ArrayList<>();
        boolean noText = text == null || text.isBlank();
        if (noText && files.isEmpty() && !answered) {
            problems.add(new Problem(TEXT, "reply.error.empty"));
        }
        int length = text == null ? 0 : text.codePointCount(0, text.length());
        if (length > limits.maxTextLength()) {
            problems.add(new Problem(TEXT, "reply.error.text-too-long", length, limits.maxTextLength()));
        }
        if (files.size() > limits.maxFiles()) {
            problems.add(new Problem(FILES, "reply.error.too-many-files", files.size(), limits.maxFiles()));
        }
        files.stream().filter(MultipartFile::isEmpty).findFirst().ifPresent(empty -> problems.add(
                new Problem(FILES, "reply.error.empty-file", ReplyUploads.filename(empty.getOriginalFilename()))));
        return problems;
    }
}
