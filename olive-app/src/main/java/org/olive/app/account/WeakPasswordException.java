package org.olive.app.account;

/** A password that the {@link PasswordPolicy} refuses; the message is one line, Chinese then English. */
public class WeakPasswordException extends IllegalArgumentException {

    private final transient PasswordPolicy.Violation violation;

    public WeakPasswordException(PasswordPolicy.Violation violation, String message) {
        super(message);
        this.violation = violation;
    }

    public PasswordPolicy.Violation violation() {
        return violation;
    }
}
