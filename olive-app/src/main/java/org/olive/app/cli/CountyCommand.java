package org.olive.app.cli;

import org.olive.pipeline.county.CountyProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code olive county init|check}: write an editable county profile, validate one (docs/county-profile.md). */
@Command(name = "county", mixinStandardHelpOptions = true,
        description = "County profiles: everything that describes a county (divisions, mappings, lines, brackets, "
                + "parameters, indicators) as files to edit.",
        subcommands = {CountyCommand.Init.class, CountyCommand.Check.class})
public class CountyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Write an editable copy of the built-in profile (shengsi) into DIR.")
    static class Init implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The new profile's folder (created; must not hold a profile).")
        Path dir;

        @Override
        public Integer call() {
            List<Path> written = CountyProfile.writeBuiltIn(dir);
            System.out.println("Wrote the county profile " + CountyProfile.BUILT_IN + " to " + dir + " (" + written.size()
                    + " files). Edit it, check it with: olive county check " + dir + "; use it with --county " + dir);
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate the profile in DIR: every problem with its file, key and reason; exit 2 when there are any.")
    static class Check implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The profile's folder.")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<CountyProfile.Problem> problems = CountyProfile.check(dir);
            if (problems.isEmpty()) {
                CountyProfile p = CountyProfile.load(dir);
                System.out.println(dir + ": county profile " + p.name() + " of " + p.area().name() + " (" + p.area().code()
                        + "), " + p.divisions().townships().size() + " townships, " + p.divisions().villages().size()
                        + " villages, " + p.mappings().size() + " dataset mappings: OK");
                return 0;
            }
            problems.forEach(x -> spec.commandLine().getErr().println(x));
            spec.commandLine().getErr().println(problems.size() + " problem(s) in " + dir);
            return CommandLine.ExitCode.USAGE;
        }
    }
}
