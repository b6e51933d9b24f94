package org.rcm.requests.reply;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.rcm.requests.mail.inbound.ReceivedAttachment;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/** The files of a submission as the intake takes them: names reduced to a plain file name, a content type always. */
final class ReplyUploads {

    static final int MAX_FILENAME_LENGTH = 255;
    static final int MAX_CONTENT_TYPE_LENGTH = 200;
    private static final String UNKNOWN_TYPE = "application/octet-stream";

    private ReplyUploads() {
    }

    /** The files the sender chose: a browser posts one empty, nameless part when none was chosen. */
    static List<MultipartFile> chosen(List<MultipartFile> files) {
        return files == null ? List.of() : files.stream()
                .filter(file -> file != null && (StringUtils.hasText(file.getOriginalFilename()) || !file.isEmpty()))
                .toList();
    }

    static List<ReceivedAttachment> toAttachments(List<MultipartFile> files) {
        return files.stream().map(ReplyUploads::toAttachment).toList();
    }

    /** The last segment of what the browser sent (some send a whole path), without control characters. */
    static String filename(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "attachment";
        }
        return name.length() <= MAX_FILENAME_LENGTH ? name : name.substring(0, MAX_FILENAME_LENGTH);
    }

    private static ReceivedAttachment toAttachment(MultipartFile file) {
        String type = file.getContentType();
        type = type == null || type.isBlank() || type.length() > MAX_CONTENT_TYPE_LENGTH ? UNKNOWN_TYPE : type;
        try {
            return new ReceivedAttachment(filename(file.getOriginalFilename()), type, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file " + file.getOriginalFilename(), e);
        }
    }
}
