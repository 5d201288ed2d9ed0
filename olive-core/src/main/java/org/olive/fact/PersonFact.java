package org.olive.fact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the records say of one person at a period: the documented set of person facts on which occupations, key
 * groups and tags are decided (issue 13; docs/person-facts.md). Every item keeps the record it came from
 * ({@link Source}), so that a decision taken on a fact can name its evidence.
 *
 * <p>Windows: certificates and graduations are everything delivered up to the period; employments are the social
 * insurance months of the trailing {@code employment_months} (person-facts parameter); platform work, fishery and B&B
 * rows and benefits are the trailing 12 months; assistance is the spells open at the period's last day or ended
 * within the trailing 12 months; businesses are the entities of the period's market-entity delivery that the person
 * operates or represents. Lists are ordered (newest first where they carry a month or date) and never null.
 *
 * @param personKey       the registry's stable key
 * @param familyKey       the person's family at the period, or null
 * @param sex             "M" / "F" / null
 * @param age             age at the period's last day, or -1 when unknown
 * @param registered      on the 户籍 list at the period
 * @param resident        on the 常住 list at the period
 * @param floating        on the 流动 list at the period
 * @param township        township code of the place of residence (else registration), or null
 * @param village         village code of the place of residence (else registration), or null
 * @param urban           the village's urban-rural class is urban (111–123)
 * @param education       highest education as delivered (hukou or education register), GB/T 4658 code or "" when unknown
 * @param disabilityGrade the most severe disability grade held (1–4), 0 when none
 * @param properties      the property titles held (不动产登记): every title delivered up to the period and registered by
 *                        its last day, one per property unit
 * @param rentals         the registered rental contracts (房屋租赁登记备案) in which the person is the landlord and that
 *                        run at the period's last day
 */
public record PersonFact(long personKey, String familyKey, String sex, int age, boolean registered, boolean resident,
                         boolean floating, String township, String village, boolean urban, String education,
                         List<Certificate> certificates, List<Employment> employments, List<Business> businesses,
                         List<PlatformWork> platformWork, List<FisheryWork> fishery, List<Bnb> bnbs,
                         List<Graduation> graduations, List<Benefit> benefits, List<Assistance> assistance,
                         int disabilityGrade, List<Property> properties, List<Rental> rentals) {

    /** A person without property records (the facts before issue 13's housing tags; tests). */
    public PersonFact(long personKey, String familyKey, String sex, int age, boolean registered, boolean resident,
                      boolean floating, String township, String village, boolean urban, String education,
                      List<Certificate> certificates, List<Employment> employments, List<Business> businesses,
                      List<PlatformWork> platformWork, List<FisheryWork> fishery, List<Bnb> bnbs,
                      List<Graduation> graduations, List<Benefit> benefits, List<Assistance> assistance,
                      int disabilityGrade) {
        this(personKey, familyKey, sex, age, registered, resident, floating, township, village, urban, education,
                certificates, employments, businesses, platformWork, fishery, bnbs, graduations, benefits, assistance,
                disabilityGrade, List.of(), List.of());
    }

    public PersonFact {
        properties = List.copyOf(properties);
        rentals = List.copyOf(rentals);
        certificates = List.copyOf(certificates);
        employments = List.copyOf(employments);
        businesses = List.copyOf(businesses);
        platformWork = List.copyOf(platformWork);
        fishery = List.copyOf(fishery);
        bnbs = List.copyOf(bnbs);
        graduations = List.copyOf(graduations);
        benefits = List.copyOf(benefits);
        assistance = List.copyOf(assistance);
    }

    /** The record a fact came from: dataset, delivery period, source file and row (1-based data row). */
    public record Source(String dataset, String period, String file, long row) {
        /** {@code dataset:file:row}, the reference shown as evidence. */
        public String ref() {
            return dataset + ":" + file + ":" + row;
        }
    }

    /** A skill certificate (职业技能等级证书): GB/T 6565 occupation code as delivered, level 1 (highest) to 5. */
    public record Certificate(String occupationCode, int level, LocalDate issued, Source source) {
    }

    /**
     * A month of social insurance with an employer (or flexible employment when the employer is null): the employer's
     * market-entity kind and GB/T 4754 industry when the credit code is found in the market-entity register.
     */
    public record Employment(String month, String employerUscc, String employerKind, String industryCode,
                             String insuranceType, Source source) {
    }

    /**
     * A market entity the person operates (个体工商户 operator) or represents (legal representative): its kind as
     * mapped (INDIVIDUAL, LLC, …), GB/T 4754 industry, employees, latest reported revenue (null when none) and
     * whether it is open at the period's last day.
     */
    public record Business(String uscc, String kind, String industryCode, Integer employees, BigDecimal revenue,
                           boolean open, Source source, LocalDate founded) {
        /** A business whose founding date is not known. */
        public Business(String uscc, String kind, String industryCode, Integer employees, BigDecimal revenue,
                        boolean open, Source source) {
            this(uscc, kind, industryCode, employees, revenue, open, source, null);
        }
    }

    /** A month of platform work (新就业形态): platform, kind as delivered (外卖, 网约车 …), income. */
    public record PlatformWork(String month, String platform, String kind, BigDecimal income, Source source) {
    }

    /** Fishery activity in a month: role VESSEL_OWNER, CREW or AQUACULTURE, the vessel or licence, and a detail. */
    public record FisheryWork(String month, String role, String reference, String detail, Source source) {
    }

    /** A B&B the person owns, in a month it reported (operating): its number, credit code and rooms. */
    public record Bnb(String month, String bnbNo, String uscc, int rooms, Source source) {
    }

    /** An entry of the education register: level as delivered, graduation date (null while enrolled), status. */
    public record Graduation(String level, LocalDate graduated, String school, String employmentStatus, Source source) {
    }

    /** A benefit paid in a month (employee pension, resident pension, unemployment benefit, work injury …). */
    public record Benefit(String month, String type, BigDecimal amount, Source source) {
    }

    /** An assistance spell (低保, 低边, 特困, temporary …): type as mapped, start, end (null while open), amount. */
    public record Assistance(String type, LocalDate start, LocalDate end, BigDecimal monthlyAmount, Source source) {
    }

    /**
     * A property title (不动产登记): the property unit, its use as mapped (RESIDENTIAL, COMMERCIAL, OFFICE, BNB,
     * INDUSTRIAL, STORAGE, GARAGE, OTHER), floor area in m² and registration date. Co-owned units have one title per
     * owner, with the same unit number.
     */
    public record Property(String propertyId, String use, BigDecimal areaM2, LocalDate registered, Source source) {
        /** A dwelling: use RESIDENTIAL (住宅, 成套住宅, 农村宅基地 …). */
        public boolean residential() {
            return "RESIDENTIAL".equals(use);
        }
    }

    /** A registered rental contract with the person as landlord: the property unit, monthly rent, start and end. */
    public record Rental(String contractNo, String propertyId, BigDecimal monthlyRent, LocalDate start, LocalDate end,
                         Source source) {
    }
}
