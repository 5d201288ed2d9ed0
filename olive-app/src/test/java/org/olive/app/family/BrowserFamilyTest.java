package org.olive.app.family;

import org.olive.app.web.BrowserTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.olive.app.population.LedgerTestData;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger charts in a real headless Chromium (like BrowserShellTest): the family graph (head in the centre, one
 * edge per other member), the population pyramid and area bars, redrawn after an htmx filter swap; no console
 * errors (CSP). Skipped without /usr/bin/chromedriver and /usr/bin/chromium.
 */
class BrowserFamilyTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }

    @Test
    void familyGraphAndPopulationChartsRender() throws IOException {
        LedgerTestData.seed(jdbc);
        login("analyst");

        driver.get(url("/families/" + LedgerTestData.FAMILY_ZHANG));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#family-graph canvas")));
        var graph = driver.findElement(By.id("family-graph"));
        assertThat(graph.getAttribute("data-rendered")).isEqualTo("true");
        assertThat(graph.getAttribute("data-nodes")).isEqualTo("3");
        assertThat(graph.getAttribute("data-links")).isEqualTo("2");
        screenshot("family-zh.png");

        driver.get(url("/population?period=" + LedgerTestData.P2));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pyramid-chart canvas")));
        assertThat(driver.findElement(By.id("area-chart")).getAttribute("data-rendered")).isEqualTo("true");
        // an htmx filter swap replaces the view: the charts are drawn again
        new Select(driver.findElement(By.name("list"))).selectByValue("registered");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("area-heading"), "户籍人口"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pyramid-chart canvas")));
        assertThat(driver.findElement(By.id("pyramid-chart")).getAttribute("data-rendered")).isEqualTo("true");
        screenshot("population-lists-zh.png");

        driver.get(url("/ledger"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#accuracy-chart canvas")));

        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }
}
