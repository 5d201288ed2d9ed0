package org.olive.tag;

import org.olive.fact.TagVariables;
import org.olive.period.Period;
import org.olive.rule.RuleCompiler;
import org.olive.rule.RuleFile;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tag system of a county profile ({@code tags.yaml}, docs/tags.md): person and family tags in three levels
 * (category → sub-category → tag), each defined by a dated, versioned CEL rule ({@code when}) over the documented
 * facts ({@link TagVariables}) and, for a valued tag, a CEL {@code value}. One loader; {@link #at(Period)} compiles
 * the versions in force once.
 */
public record TagDefinitions(String version, List<Tag> tags) {

    /** Whom a tag describes. */
    public enum Subject { PERSON, FAMILY }

    /** One version of a tag: in force from {@code validFrom} until the next version's. */
    public record TagVersion(String version, Period validFrom, String when, String value) {
    }

    /** A tag: id, subject, its category and sub-category (the first two levels), names, versions. */
    public record Tag(String id, Subject subject, String category, String subcategory, String nameZh, String nameEn,
                      List<TagVersion> versions) {
        public Optional<TagVersion> versionAt(Period p) {
            TagVersion in = null;
            for (TagVersion v : versions) {
                if (v.validFrom().compareTo(p) <= 0) {
                    in = v;
                }
            }
            return Optional.ofNullable(in);
        }
    }

    public static TagDefinitions read(Path file) {
        return RuleFile.read(file, TagDefinitions::read);
    }

    /** Reads and checks a tags file; every rule is compiled and every problem reported at once. */
    public static TagDefinitions read(InputStream in, String source) {
        Object root = RuleFile.yaml(in);
        if (!(root instanceof Map<?, ?> map)) {
            throw new RuleFile.ProblemsException(source, List.of("the file must be a mapping with version and tags"));
        }
        List<String> problems = new ArrayList<>();
        String version = RuleFile.text(map.get("version"));
        if (version.isEmpty()) {
            problems.add("version: missing");
        }
        RuleCompiler person = new RuleCompiler(TagVariables.PERSON);
        RuleCompiler family = new RuleCompiler(TagVariables.FAMILY);
        List<Tag> tags = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (!(map.get("tags") instanceof List<?> list) || list.isEmpty()) {
            problems.add("tags: a list of tags is required");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String key = "tags[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> t)) {
                    problems.add(key + ": must be a mapping");
                    continue;
                }
                String id = RuleFile.text(t.get("id"));
                key += id.isEmpty() ? "" : " (" + id + ")";
                if (!id.matches("[a-z][a-z0-9_]{0,39}")) {
                    problems.add(key + ".id: '" + id + "' must be 1–40 lower-case letters, digits or _");
                } else if (!ids.add(id)) {
                    problems.add(key + ".id: duplicate id " + id);
                }
                Subject subject = null;
                try {
                    subject = Subject.valueOf(RuleFile.text(t.get("subject")));
                } catch (IllegalArgumentException e) {
                    problems.add(key + ".subject: '" + RuleFile.text(t.get("subject")) + "' must be PERSON or FAMILY");
                }
                for (String level : List.of("category", "subcategory", "name_zh")) {
                    if (RuleFile.text(t.get(level)).isEmpty()) {
                        problems.add(key + "." + level + ": missing");
                    }
                }
                RuleCompiler compiler = subject == Subject.FAMILY ? family : person;
                List<TagVersion> versions = new ArrayList<>();
                if (!(t.get("versions") instanceof List<?> vl) || vl.isEmpty()) {
                    problems.add(key + ".versions: at least one version is required");
                } else {
                    Set<String> seen = new HashSet<>();
                    for (int j = 0; j < vl.size(); j++) {
                        String vk = key + ".versions[" + j + "]";
                        if (!(vl.get(j) instanceof Map<?, ?> v)) {
                            problems.add(vk + ": must be a mapping with version, valid_from, when and optionally value");
                            continue;
                        }
                        String ver = RuleFile.text(v.get("version"));
                        if (ver.isEmpty() || !seen.add(ver)) {
                            problems.add(vk + ".version: missing or duplicate");
                        }
                        Period from = RuleFile.period(v.get("valid_from"), vk + ".valid_from", problems);
                        String when = RuleFile.text(v.get("when"));
                        String value = RuleFile.text(v.get("value"));
                        RuleFile.check(compiler, vk + ".when", when, false, problems);
                        if (!value.isEmpty()) {
                            RuleFile.check(compiler, vk + ".value", value, true, problems);
                        }
                        if (from != null) {
                            versions.add(new TagVersion(id + "@" + ver, from, when, value.isEmpty() ? null : value));
                        }
                    }
                    versions.sort(Comparator.comparing(TagVersion::validFrom));
                }
                if (subject != null) {
                    tags.add(new Tag(id, subject, RuleFile.text(t.get("category")), RuleFile.text(t.get("subcategory")),
                            RuleFile.text(t.get("name_zh")), RuleFile.text(t.get("name_en")), List.copyOf(versions)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleFile.ProblemsException(source, problems);
        }
        return new TagDefinitions(version, List.copyOf(tags));
    }

    /** A tag by id. */
    public Optional<Tag> tag(String id) {
        return tags.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * These definitions with the versions saved from the web laid over them (docs/tags.md, "Editing tags on the web"):
     * a saved version joins its tag's versions and is in force from its {@code valid_from} until the next version's;
     * at the same {@code valid_from} the saved version wins over the profile's, and a profile version with the
     * number of a saved one (a profile into which the saved versions were exported) is replaced by it. A saved
     * version of an unknown tag that defines one ({@link SavedTagVersion#definesTag}) adds the tag after the
     * profile's; one that does not is ignored. Pure: the saved versions were checked when they were stored.
     *
     * @param saved the stored versions, in the order they were saved
     */
    public TagDefinitions withVersions(List<SavedTagVersion> saved) {
        if (saved.isEmpty()) {
            return this;
        }
        java.util.Map<String, Tag> byId = new java.util.LinkedHashMap<>();
        for (Tag t : tags) {
            byId.put(t.id(), t);
        }
        java.util.Map<String, List<TagVersion>> added = new java.util.LinkedHashMap<>();
        for (SavedTagVersion s : saved) {
            if (!byId.containsKey(s.tagId())) {
                if (!s.definesTag()) {
                    continue;
                }
                byId.put(s.tagId(), new Tag(s.tagId(), s.subject(), s.category(), s.subcategory(), s.nameZh(),
                        s.nameEn() == null ? "" : s.nameEn(), List.of()));
            }
            added.computeIfAbsent(s.tagId(), k -> new ArrayList<>()).add(new TagVersion(s.versionId(), s.validFrom(),
                    s.when(), s.value() == null || s.value().isBlank() ? null : s.value()));
        }
        List<Tag> out = new ArrayList<>();
        for (Tag t : byId.values()) {
            List<TagVersion> web = added.getOrDefault(t.id(), List.of());
            if (web.isEmpty()) {
                out.add(t);
                continue;
            }
            Set<String> webIds = new HashSet<>();
            web.forEach(v -> webIds.add(v.version()));
            List<TagVersion> all = new ArrayList<>();
            t.versions().stream().filter(v -> !webIds.contains(v.version())).forEach(all::add);
            all.addAll(web); // after the profile's: the stable sort keeps a saved version last at its valid_from
            all.sort(Comparator.comparing(TagVersion::validFrom));
            out.add(new Tag(t.id(), t.subject(), t.category(), t.subcategory(), t.nameZh(), t.nameEn(), List.copyOf(all)));
        }
        return new TagDefinitions(version, List.copyOf(out));
    }

    /**
     * These definitions as a {@code tags.yaml} text that {@link #read} reads back to equal definitions: {@code version},
     * then every tag with its definition and versions in order, each {@code {version, valid_from, when, value?}}
     * with the version's number (the part after {@code @}). Written with {@link RuleFile#dump}, not by hand.
     */
    public String toYaml() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Tag t : tags) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("subject", t.subject().name());
            m.put("category", t.category());
            m.put("subcategory", t.subcategory());
            m.put("name_zh", t.nameZh());
            if (t.nameEn() != null && !t.nameEn().isEmpty()) {
                m.put("name_en", t.nameEn());
            }
            List<Map<String, Object>> versions = new ArrayList<>();
            for (TagVersion v : t.versions()) {
                Map<String, Object> vm = new LinkedHashMap<>();
                vm.put("version", v.version().substring(v.version().indexOf('@') + 1));
                vm.put("valid_from", v.validFrom().toString());
                vm.put("when", v.when());
                if (v.value() != null) {
                    vm.put("value", v.value());
                }
                versions.add(vm);
            }
            m.put("versions", versions);
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", version);
        root.put("tags", list);
        return RuleFile.dump(root);
    }

    /** The versions in force at {@code p}, compiled. */
    public TagClassifier at(Period p) {
        return new TagClassifier(this, p);
    }

}
