package org.olive.app.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.olive.app.web.BrowserTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The cadre's worklist in a real headless Chromium: the cadre (菜园镇) opens 帮扶 from the menu, sees only their
 * township's cases with the overdue one first, opens it, records a visit and an assistance (which moves the case to
 * 帮扶中) and sees both listed; another township's case is refused (the /denied page, audited). A Spring context of
 * its own ({@link CaseTestData}). Skipped without chromium, failed then under CI=true.
 */
@TestPropertySource(properties = "olive.test.context=browser-cases")
class BrowserCaseTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCadreWorksTheirTownshipsCasesOverdueFirst() throws IOException {
        CaseTestData.seed(jdbc);
        login("cadre");

        driver.findElement(By.id("nav-cases")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("case-table")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("帮扶工作台");
        List<WebElement> rows = driver.findElements(By.cssSelector("#case-table tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-family"))
                .containsExactly(CaseTestData.ZHANG, CaseTestData.ASSISTED, CaseTestData.LATER);
        assertThat(rows.get(0).getAttribute("data-overdue")).isEqualTo("true");
        assertThat(rows.get(1).getAttribute("data-overdue")).isEqualTo("false");
        browser.screenshot("cases-worklist.png");

        rows.get(0).findElement(By.cssSelector("a")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("visit-form")));
        assertThat(driver.findElement(By.id("case-state")).getAttribute("data-state")).isEqualTo("DISCOVERED");
        driver.findElement(By.cssSelector("#visit-form textarea[name=note]")).sendKeys("入户走访，了解收入下降原因");
        driver.findElement(By.cssSelector("#visit-form button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("recorded-note")));
        driver.findElement(By.cssSelector("#assistance-form input[name=policy]")).sendKeys("临时救助");
        driver.findElement(By.cssSelector("#assistance-form input[name=amount]")).sendKeys("3000");
        driver.findElement(By.cssSelector("#assistance-form button")).click();
        waiting().until(d -> "ASSISTING".equals(d.findElement(By.id("case-state")).getAttribute("data-state")));
        String actions = driver.findElement(By.id("action-table")).getText();
        assertThat(actions).contains("入户走访，了解收入下降原因", "临时救助", "3000.00", "走访", "帮扶措施");
        assertThat(driver.findElements(By.cssSelector("#action-table tr[data-kind=VISIT]"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("#action-table tr[data-kind=ASSISTANCE]"))).hasSize(1);
        assertThat(driver.findElements(By.id("case-overdue"))).isEmpty(); // assistance has started
        browser.screenshot("case-page.png");

        driver.get(url("/cases/" + CaseTestData.id(jdbc, CaseTestData.WANG)));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("denied-audited")));
        assertThat(driver.getPageSource()).doesNotContain(CaseTestData.WANG);

        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("403")).toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }
}
