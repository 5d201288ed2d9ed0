package org.olive.app.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.olive.app.web.BrowserTestBase;
import org.olive.tag.TagDefinitions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tag editor (/tags/{id}) in a real headless Chromium, on the browser tests' shared context (like
 * BrowserShellTest and BrowserFamilyTest) with {@link TagTestData}'s county: the administrator checks a rule with a
 * syntax error (the position is shown) and one naming an unknown fact, previews a valid rule (how many persons of the
 * latest period run match), saves it with a reason and finds the new version listed, then downloads tags.yaml with
 * it; the analyst sees the tag but no editor to save with, and is refused the export. Skipped without
 * /usr/bin/chromedriver and /usr/bin/chromium, failed when CI=true.
 */
class BrowserTagTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    void logout() {
        driver.findElement(By.cssSelector("form.logout button")).click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));
    }

    /** Replaces the text of the editor's rule. */
    void rule(String when) {
        WebElement field = driver.findElement(By.cssSelector("#tag-form textarea[name=when]"));
        field.clear();
        field.sendKeys(when);
    }

    /** Clicks the syntax check and waits for its answer (htmx swaps #check-result). */
    WebElement check() {
        ((JavascriptExecutor) driver).executeScript("document.getElementById('check-result').innerHTML = ''");
        driver.findElement(By.id("check-button")).click();
        return waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#check-result #check-problems, #check-result #check-ok")));
    }

    @Test
    void theAdministratorChecksPreviewsAndSavesATagRuleTheAnalystMayNot() throws IOException {
        TagTestData.seed(jdbc);
        int versionsBefore = jdbc.sql("SELECT COUNT(*) FROM tag_rule_version WHERE tag_id = 'elderly'")
                .query(Integer.class).single();
        String next = "elderly@" + (2 + versionsBefore);
        login("admin");
        driver.get(url("/tags"));
        driver.findElement(By.cssSelector("#tags-table tr[data-tag=elderly] a")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("tag-form")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("老年人");

        // a syntax error: the problem names the rule and its line and column
        rule("age >= 60 &&");
        WebElement problems = check();
        assertThat(problems.getAttribute("id")).isEqualTo("check-problems");
        assertThat(problems.getText()).contains("tags: elderly.when: line 1, column");
        browser.screenshot("tag-check-syntax-zh.png");

        // an unknown fact: named, with its position
        rule("age >= 60 && agee < 90");
        problems = check();
        assertThat(problems.getText()).contains("tags: elderly.when: line 1, column 14", "undeclared reference to 'agee'");

        // a valid rule: the check passes and the preview counts the persons of the latest period run that match
        rule("age >= 30");
        assertThat(check().getAttribute("id")).isEqualTo("check-ok");
        driver.findElement(By.id("preview-button")).click();
        WebElement counts = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("preview-counts")));
        assertThat(counts.getText()).isEqualTo(TagTestData.PERIOD + "：7 人中有 5 人符合。");
        assertThat(driver.findElements(By.cssSelector("#preview-table tr[data-subject]"))).hasSize(5);
        browser.screenshot("tag-preview-zh.png");

        // saved with a reason: the new version is listed, from the month the form offers (the latest period run)
        driver.findElement(By.cssSelector("#tag-form input[name=reason]")).sendKeys("按新口径统计（浏览器测试）");
        driver.findElement(By.id("save-button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("saved")));
        WebElement row = driver.findElement(By.cssSelector("#versions-table tr[data-version='" + next + "']"));
        assertThat(row.getText()).contains(next, TagTestData.PERIOD, "age >= 30", "按新口径统计（浏览器测试）", "admin");
        assertThat(driver.findElement(By.id("saved")).getText()).contains(next);
        browser.screenshot("tag-saved-zh.png");

        // the download holds the new version, as the button on /tags fetches it
        driver.get(url("/tags"));
        String href = driver.findElement(By.id("tags-export")).getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text().then(t => done({status: r.status, text: t,
                    disposition: r.headers.get('Content-Disposition')})));""", href);
        assertThat(download.get("status")).isEqualTo(200L);
        assertThat(download.get("disposition")).isEqualTo("attachment; filename=\"tags.yaml\"");
        TagDefinitions exported = TagDefinitions.read(new java.io.ByteArrayInputStream(
                ((String) download.get("text")).getBytes(StandardCharsets.UTF_8)), "tags.yaml");
        assertThat(exported.tag("elderly").orElseThrow().versions()).last()
                .satisfies(v -> assertThat(v.version()).isEqualTo(next))
                .satisfies(v -> assertThat(v.when()).isEqualTo("age >= 30"));
        logout();

        // the analyst: the tag's page without the editor's save, the export refused
        login("analyst");
        driver.get(url("/tags/elderly"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("versions-table")));
        assertThat(driver.findElements(By.id("no-edit"))).hasSize(1);
        assertThat(driver.findElements(By.id("save-button"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#tag-form input[name=reason]"))).isEmpty();
        driver.get(url("/tags"));
        assertThat(driver.findElements(By.id("tags-export"))).isEmpty();
        driver.get(url("/tags/export"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        browser.screenshot("tag-export-denied-zh.png");

        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("/tags/export")) // the expected 403
                .toList();
        assertThat(severe).as("browser console errors").isEmpty();
        logout();
    }
}
