package org.rcm.requests.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A recipient's browser on the public reply page: opens the page (its session and form token), posts the form. */
final class ReplyPageClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI address;
    private String csrf;

    private ReplyPageClient(URI address) {
        this.address = address;
    }

    static ReplyPageClient open(int port, String token, String lang) throws Exception {
        ReplyPageClient client = new ReplyPageClient(URI.create("http://localhost:" + port + "/reply/" + token
                + (lang == null ? "" : "?lang=" + lang)));
        HttpResponse<String> page = client.get();
        assertThat(page.statusCode()).as("the reply page").isEqualTo(200);
        Matcher matcher = CSRF_FIELD.matcher(page.body());
        assertThat(matcher.find()).as("the form's token").isTrue();
        client.csrf = matcher.group(1);
        return client;
    }

    HttpResponse<String> get() throws Exception {
        return http.send(HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the form with these fields (names as the page has them) and, if given, one file. */
    HttpResponse<String> post(Map<String, String> fields, String filename, byte[] file) throws Exception {
        String boundary = "----form" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>();
        all.put("_csrf", csrf);
        all.putAll(fields);
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (filename != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + filename + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(address).header("Content-Type", "multipart/form-data; boundary="
                + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
