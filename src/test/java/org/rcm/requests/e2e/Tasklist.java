package org.rcm.requests.e2e;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist as the Secretariat and the Troika use it: log in, start a request from the start form, open a
 * task, claim it, fill its Camunda Form and complete it. Form fields are found by the ids of
 * {@code processes/Form_*.form} (form-js ends every input's id with the field's id), buttons by Tasklist's classes.
 */
final class Tasklist {

    static final String HOME = "/camunda/app/tasklist/default/";
    private static final String PASSWORD = "demo";
    /** Tasklist's "Start process" in the Spanish of locales/es.json (the test browser prefers Spanish). */
    static final By START_PROCESS = By.xpath("//a[contains(normalize-space(.), 'Iniciar proceso')]");

    private final Browser browser;

    Tasklist(Browser browser) {
        this.browser = browser;
    }

    /** Logs in through Tasklist's own login form, after forgetting whoever was logged in before. */
    void login(String user) throws IOException {
        browser.forgetSessions();
        browser.open(HOME);
        browser.visible(By.cssSelector("input[type=text]")).sendKeys(user);
        browser.visible(By.cssSelector("input[type=password]")).sendKeys(PASSWORD);
        browser.shot("login-" + user);
        browser.click(By.cssSelector("button[type=submit]"));
        // the filters are on the left once the task list has loaded; Tasklist speaks the browser's Spanish
        browser.visible(By.xpath("//*[contains(normalize-space(text()), 'Mis tareas y las de mis grupos')]"));
        browser.visible(START_PROCESS);
        browser.shot("tasklist-" + user);
    }

    /** Iniciar proceso (start process) → "Inter-agency request" → the start form → Iniciar. */
    void startRequest(String subject, String body, List<String> recipients, LocalDate due) throws IOException {
        startRequest(subject, body, recipients, due, Map.of());
    }

    /** The same, with more fields of the start form filled in: text by field id; no due date when {@code due} is null. */
    void startRequest(String subject, String body, List<String> recipients, LocalDate due,
                      Map<String, String> more) throws IOException {
        browser.click(START_PROCESS);
        browser.visible(By.cssSelector(".modal-header input[type=text]")).sendKeys("Inter-agency");
        browser.click(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space()='Inter-agency request']"));
        field("Field_subject_2").sendKeys(subject);
        field("Field_body_3").sendKeys(body);
        for (String recipient : recipients) {
            tag("Field_recipients_4", recipient);
        }
        // leave the tag list so that its dropdown closes (Escape would close the whole dialog)
        browser.click(By.cssSelector("label[for$='Field_subject_2']"));
        if (due != null) {
            date("Field_replyDue_5", due);
        }
        more.forEach((fieldId, text) -> field(fieldId).sendKeys(text));
        browser.shot("start-form");
        browser.click(By.cssSelector(".modal-footer button.btn-primary"));
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
        browser.shot("started");
    }

    /** Opens a task by its id, as the links of the registry's request page do, and checks its title. */
    void openTask(String taskId, String title) {
        browser.open(HOME + "#/?task=" + taskId);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h2.task"), title));
    }

    void claim() {
        browser.click(By.cssSelector("button.claim"));
        browser.visible(By.cssSelector("button.unclaim"));
    }

    WebElement field(String fieldId) {
        return browser.visible(By.cssSelector("[id$='" + fieldId + "']"));
    }

    /** The value a (possibly read-only) field of the open form shows. */
    String value(String fieldId) {
        browser.until(driver -> !field(fieldId).getDomProperty("value").isEmpty());
        return field(fieldId).getDomProperty("value");
    }

    /** Chooses a radio option by its position in the .form file's values. */
    void choose(String fieldId, int option) {
        browser.click(By.cssSelector("input[type=radio][id$='" + fieldId + "-" + option + "']"));
    }

    void complete(String step) throws IOException {
        dismissNotifications();
        browser.shot(step);
        // Enter on the focused button, as a keyboard user does: Tasklist's fixed footer covers the button's middle
        // when the form is long (Camunda 7.24's banner pushes the layout down), so a click would hit the footer
        browser.clickable(By.cssSelector(".form-actions button.btn-primary")).sendKeys(Keys.ENTER);
        // Tasklist leaves the completed task and shows no form any more
        browser.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".form-actions")));
        browser.shot(step + "-done");
    }

    private void tag(String fieldId, String value) {
        WebElement input = field(fieldId);
        input.click();
        input.sendKeys(value);
        browser.click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.), '"
                + value + "')]"));
        browser.visible(By.xpath("//div[contains(@class,'fjs-taglist-tag')][contains(normalize-space(.), '"
                + value + "')]"));
    }

    private void date(String fieldId, LocalDate date) {
        WebElement input = field(fieldId + "-date");
        input.click();
        input.sendKeys("%02d/%02d/%04d".formatted(date.getMonthValue(), date.getDayOfMonth(), date.getYear()));
        input.sendKeys(Keys.ENTER);
        browser.click(By.cssSelector("label[for$='Field_subject_2']"));
    }

    /** Tasklist's notices ("The task has been claimed.") sit over the form's buttons for a while: close them. */
    private void dismissNotifications() {
        for (WebElement close : browser.driver().findElements(By.cssSelector(".page-notifications .close"))) {
            try {
                if (close.isDisplayed()) {
                    close.click();
                }
            } catch (StaleElementReferenceException | ElementNotInteractableException gone) {
                // it closed by itself meanwhile
            }
        }
    }
}
