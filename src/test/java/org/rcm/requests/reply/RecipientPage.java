package org.rcm.requests.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recipient's browser on a page of its personal link (the reply page, the receipt page): the session it holds, and
 * the form token of the page as it was opened.
 */
public final class RecipientPage {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI address;
    private String shown;
    private String csrf;

    private RecipientPage(URI address) {
        this.address = address;
    }

    /** Opens {@code path} (with its query), which must show a form with its token. */
    public static RecipientPage open(int port, String path) throws Exception {
        RecipientPage page = new RecipientPage(URI.create("http://localhost:" + port + path));
        HttpResponse<String> response = page.get();
        assertThat(response.statusCode()).as("the page %s", path).isEqualTo(200);
        page.shown = response.body();
        Matcher matcher = CSRF_FIELD.matcher(page.shown);
        assertThat(matcher.find()).as("the form token on %s", path).isTrue();
        page.csrf = matcher.group(1);
        return page;
    }

    /** The page as it was opened. */
    public String shown() {
        return shown;
    }

    public URI address() {
        return address;
    }

    public String csrf() {
        return csrf;
    }

    public HttpResponse<String> get() throws Exception {
        return http.send(HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the page's form as a browser does: its token first, these fields, and a CSV file if one is given. */
    public HttpResponse<String> post(Map<String, String> fields, String filename, byte[] file) throws Exception {
        MultipartForm form = new MultipartForm().field("_csrf", csrf);
        fields.forEach(form::field);
        if (filename != null) {
            form.file(filename, "text/csv", file);
        }
        return http.send(form.post(address), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the reply page's form with a message only. */
    public HttpResponse<String> post(String text) throws Exception {
        return post(Map.of("text", text), null, null);
    }

    /** Presses a button whose form holds only the token (the receipt page's). */
    public HttpResponse<String> press() throws Exception {
        return http.send(HttpRequest.newBuilder(address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf,
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
