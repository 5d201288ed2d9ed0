package org.olive.app.web;

/** One entry of the navigation: a path and the message key of its label. */
public record NavItem(String id, String path, String labelKey) {
}
