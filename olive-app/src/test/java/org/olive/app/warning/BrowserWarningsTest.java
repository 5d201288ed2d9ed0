package org.olive.app.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.olive.app.population.LedgerTestData;
import org.olive.app.web.BrowserTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The 预警 page in a real headless Chromium: the menu opens it, ECharts draws the township chart, and choosing a colour
 * swaps the filtered list in (htmx), with no console error. A Spring context of its own ({@link WarningTestData} would
 * give the family page of the shared browser context a colour in 2025-02). Skipped without chromium, failed then under
 * CI=true.
 */
@TestPropertySource(properties = "olive.test.context=browser-warnings")
class BrowserWarningsTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePageDrawsItsChartAndFiltersInPlace() throws IOException {
        WarningTestData.seed(jdbc);
        login("analyst");

        driver.findElement(By.id("nav-warnings")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#township-chart canvas")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("预警");
        assertThat(driver.findElement(By.id("township-chart")).getAttribute("data-rendered")).isEqualTo("true");
        assertThat(driver.findElements(By.cssSelector("#warned-table tbody tr"))).hasSize(2);

        new Select(driver.findElement(By.name("colour"))).selectByValue("YELLOW");
        waiting().until(d -> d.findElements(By.cssSelector("#warned-table tbody tr")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#warned-table tbody tr")).getAttribute("data-family"))
                .isEqualTo(LedgerTestData.FAMILY_WANG);
        browser.screenshot("warnings-zh.png");

        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }
}
