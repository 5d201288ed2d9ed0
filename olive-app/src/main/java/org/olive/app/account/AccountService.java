package org.olive.app.account;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.olive.app.audit.AuditAction;
import org.olive.app.audit.AuditEvent;
import org.olive.app.audit.AuditLog;
import org.olive.geography.Division;
import org.olive.geography.Divisions;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and lists user accounts. Called by the command line ({@code org.olive.app.cli}) and the web app. */
@Service
public class AccountService {

    /** Lower-case letters, digits, dot, underscore and hyphen; 2 to 64 characters. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final Divisions divisions;
    private final AuditLog audit;
    private final PasswordPolicy passwordPolicy;

    public AccountService(AccountRepository repository, PasswordEncoder passwordEncoder, Divisions divisions,
                          AuditLog audit, PasswordPolicy passwordPolicy) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.divisions = divisions;
        this.audit = audit;
        this.passwordPolicy = passwordPolicy;
    }

    /**
     * Creates the account, or if the username exists resets its display name, role, township and password and
     * enables it. The username is trimmed and lower-cased.
     *
     * @param townshipCode the 12-digit code of one of the county's townships for {@link Role#CADRE}; null otherwise
     * @throws WeakPasswordException    if the password breaks the {@link PasswordPolicy} (the message says why)
     * @throws IllegalArgumentException if another argument is invalid (the message says which and why)
     */
    @Transactional
    public void createOrReset(String username, String displayName, Role role, String townshipCode, String rawPassword) {
        String name = normalize(username);
        if (name == null || !USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid username '" + username
                    + "': use 2-64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 100) {
            throw new IllegalArgumentException("display name must be 1-100 characters");
        }
        if (role == null) {
            throw new IllegalArgumentException("role is required");
        }
        String township = townshipCode == null || townshipCode.isBlank() ? null : townshipCode.strip();
        if (role.isTownshipScoped()) {
            if (township == null) {
                throw new IllegalArgumentException("a CADRE needs a township code, one of " + townshipCodes());
            }
            Division d = divisions.get(township);
            if (d == null || d.level() != Division.Level.TOWNSHIP) {
                throw new IllegalArgumentException("unknown township code '" + township + "', expected one of "
                        + townshipCodes());
            }
        } else if (township != null) {
            throw new IllegalArgumentException("only a CADRE is bound to a township; " + role + " sees the whole county");
        }
        passwordPolicy.require(rawPassword, name, displayName);
        String hash = passwordEncoder.encode(rawPassword);
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        boolean exists = repository.findByUsername(name).isPresent();
        if (exists) {
            repository.reset(name, displayName.strip(), role, township, hash, now);
        } else {
            repository.insert(name, displayName.strip(), role, township, hash, now);
        }
        audit.record(new AuditEvent(null, null, AuditEvent.SYSTEM, null,
                exists ? AuditAction.ACCOUNT_RESET : AuditAction.ACCOUNT_CREATED, "ACCOUNT", name,
                AuditEvent.Outcome.SUCCESS, null, "role=" + role + (township == null ? "" : " township=" + township)));
    }

    /** Number of accounts. */
    public long count() {
        return repository.count();
    }

    /** All accounts by username (without password hashes). */
    public List<Account> findAll() {
        return repository.findAll();
    }

    public Optional<Account> find(String username) {
        String name = normalize(username);
        return name == null ? Optional.empty() : repository.findByUsername(name);
    }

    static String normalize(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }

    private List<String> townshipCodes() {
        return divisions.townships().stream().map(d -> d.code() + " " + d.name()).toList();
    }
}
