package org.rcm.requests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.RequestJourney;
import org.rcm.requests.request.NewRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An acknowledgement of receipt in a real browser: IOM's focal point opens the "confirm receipt" link of a request
 * that asks for one (in English, IOM's language), presses the button, and the officer sees the receipt on the
 * request's page and timeline while IOM's reply is still awaited.
 */
@ExtendWith(BrowserAvailable.class)
class ReceiptE2ETest extends IntegrationTestBase {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;
    @Autowired
    RequestJourney journey;

    @BeforeEach
    void openBrowser() {
        browser.baseUrl("http://localhost:" + port);
    }

    @Test
    void aRecipientConfirmsTheReceiptAndTheOfficerSeesItWhileTheReplyIsStillAwaited() throws Exception {
        String reference = journey.sent(new NewRequest("E2E acuse de recibo " + UUID.randomUUID(),
                "Solicitamos la información indicada.", List.of("IOM"), LocalDate.now().plusDays(30).toString(),
                "information", "es", Map.of(), Map.of(), null, true, null));

        // the recipient opens the link from the email: nothing is recorded until the button is pressed
        browser.forgetSessions();
        browser.open(ReplyLink.receiptIn(journey.sentMessage(reference, "IOM").orElseThrow(), browser.baseUrl()));
        assertThat(browser.visible(By.id("title")).getText()).as("in IOM's language").isEqualTo("Confirm receipt");
        assertThat(browser.visible(By.id("reference")).getText()).isEqualTo(reference);
        browser.shot("receipt-page");
        browser.click(By.cssSelector("#receipt-form button[type=submit]"));
        assertThat(browser.visible(By.id("acknowledged")).getText()).as("the page after the button")
                .contains("receipt confirmed");
        browser.shot("receipt-confirmed");

        // the officer sees the receipt on the request's page; IOM is still awaited
        browser.open("/login");
        browser.visible(By.id("username")).sendKeys("officer1");
        browser.visible(By.id("password")).sendKeys("demo");
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.until(driver -> driver.getCurrentUrl().endsWith("/registry"));
        browser.open("/registry/" + reference);
        WebElement iom = browser.visible(By.xpath("//tr[td/strong[text()='IOM']]"));
        assertThat(iom.findElement(By.cssSelector("td.acknowledged")).getText()).as("IOM's receipt").isNotBlank();
        assertThat(iom.getText()).as("still awaiting its reply").contains("Esperando respuesta");
        assertThat(browser.visible(By.id("timeline")).getText()).contains("Acuse de recibo");
        browser.shot("receipt-on-request-page");
    }
}
