package org.olive.app.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.olive.app.population.LedgerTestData;
import org.olive.app.web.BrowserTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The policy ledger in a real headless Chromium: the policy officer opens 政策 from the menu, sees the library with
 * its stacked chart drawn and indicator 7, opens 最低生活保障金, finds the Zhangs on the push list with their ID number
 * masked, marks them 已办 with a note (htmx: the cell is swapped in place, the history shows the change) and the row
 * keeps it after a reload. A Spring context of its own ({@link PolicyTestData}). Skipped without chromium, failed then
 * under CI=true.
 */
@TestPropertySource(properties = "olive.test.context=browser-policies")
class BrowserPolicyTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePolicyOfficerOpensThePushListAndMarksAnEntryDone() throws IOException {
        PolicyTestData.seed(jdbc);
        login("policy");

        driver.findElement(By.id("nav-policies")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("policy-table")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("政策一本账");
        waiting().until(d -> "true".equals(d.findElement(By.id("policy-chart")).getAttribute("data-rendered")));
        assertThat(driver.findElement(By.id("policy-chart")).getAttribute("data-series")).isEqualTo("3");
        assertThat(driver.findElement(By.id("indicator7-share")).getText()).isEqualTo("75.0%");
        browser.screenshot("policies-library.png");

        driver.findElement(By.cssSelector("#policy-table tr[data-policy=DIBAO] a")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("entry-table")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("最低生活保障金");
        waiting().until(d -> "true".equals(d.findElement(By.id("township-chart")).getAttribute("data-rendered")));
        List<WebElement> rows = driver.findElements(By.cssSelector("#entry-table tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-subject")).containsExactly(LedgerTestData.FAMILY_ZHANG);
        assertThat(rows.get(0).getText()).contains("张伟", "330922********").doesNotContain(LedgerTestData.ID_ZHANG_WEI);
        assertThat(driver.findElement(By.cssSelector("#entry-table .handling")).getAttribute("data-handling"))
                .isEqualTo("TODO");

        new Select(driver.findElement(By.cssSelector("#entry-table .handling-form select[name=status]")))
                .selectByValue("DONE");
        driver.findElement(By.cssSelector("#entry-table .handling-form input[name=note]")).sendKeys("已转县民政局核实");
        driver.findElement(By.cssSelector("#entry-table .handling-form button")).click();
        waiting().until(d -> "DONE".equals(d.findElement(By.cssSelector("#entry-table .handling"))
                .getAttribute("data-handling")));
        String cell = driver.findElement(By.cssSelector("#entry-table .handling")).getText();
        assertThat(cell).contains("已办", "已转县民政局核实", "policy");
        assertThat(driver.findElements(By.cssSelector("#entry-table .handling-history li[data-status=DONE]"))).hasSize(1);
        browser.screenshot("policy-push-list.png");

        driver.navigate().refresh();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("entry-table")));
        assertThat(driver.findElement(By.cssSelector("#entry-table .handling")).getAttribute("data-handling"))
                .isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT status FROM policy_handling WHERE subject_key = :k")
                .param("k", LedgerTestData.FAMILY_ZHANG).query(String.class).list()).containsExactly("DONE");

        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }
}
