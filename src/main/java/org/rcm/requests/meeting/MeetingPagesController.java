package org.rcm.requests.meeting;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.rcm.requests.web.Page;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The meetings pages: the list with the upload form ({@code /meetings}), a meeting with its agreements and their
 * progress ({@code /meetings/{id}}), and the printable report for the next plenary ({@code /meetings/{id}/report}).
 */
@Controller
@Page
class MeetingPagesController {

    private final MeetingViews views;
    private final MeetingImporter importer;
    private final MeetingsProperties properties;

    MeetingPagesController(MeetingViews views, MeetingImporter importer, MeetingsProperties properties) {
        this.views = views;
        this.importer = importer;
        this.properties = properties;
    }

    @GetMapping("/meetings")
    String list(Model model) {
        model.addAttribute("meetings", views.summaries());
        return "meetings/list";
    }

    /** The session's form token is checked by the application's gate before this runs. */
    @PostMapping("/meetings")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal user, Model model,
                  HttpServletResponse response) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new MeetingFileException(List.of(MeetingFileException.at(0,
                        "elija un archivo YAML", "choose a YAML file")));
            }
            byte[] content = file.getSize() > properties.maxFileBytes()
                    ? new byte[properties.maxFileBytes() + 1] : file.getBytes();
            model.addAttribute("report", importer.importFile(content, user == null ? null : user.getName()));
        } catch (MeetingFileException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.errors());
        } catch (DuplicateKeyException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("errors", List.of(MeetingFileException.at(0,
                    "la misma reunión se estaba importando a la vez; repita la importación",
                    "the same meeting was being imported at the same time; import it again")));
        }
        return list(model);
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable String id, Model model, HttpServletResponse response) {
        return show(id, "meetings/meeting", model, response);
    }

    @GetMapping("/meetings/{id}/report")
    String report(@PathVariable String id, Model model, HttpServletResponse response) {
        return show(id, "meetings/report", model, response);
    }

    private String show(String id, String view, Model model, HttpServletResponse response) {
        return views.meeting(id).map(meeting -> {
            model.addAttribute("view", meeting);
            return view;
        }).orElseGet(() -> {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("id", id);
            return "meetings/not-found";
        });
    }
}
