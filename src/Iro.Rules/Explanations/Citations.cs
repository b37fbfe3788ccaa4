using System;
using NodaTime;

namespace Iro.Rules.Explanations;

/// <summary>The citations the rules use, in one catalogue so that every answer cites a source the same way.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public static class Citations
{
    private const string Cppcr = "Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)";
    private const string Rccr = "Review of Children's Cases Regulations 1991 (SI 1991/895)";
    private static readonly LocalDate CppcrInForce = new(2011, 4, 1);
    private static readonly LocalDate RccrInForce = new(1991, 10, 14);
    private static readonly LocalDate RccrRevoked = new(2011, 3, 31);
    private const string Csar = "Children (Secure Accommodation) Regulations 1991 (SI 1991/1505)";
    private static readonly LocalDate CsarInForce = new(1991, 10, 14);

    /// <summary>CAL-1: the definition of "working day" (CPPCR 2010 reg 2(1)).</summary>
    public static Citation WorkingDay { get; } = new(Cppcr, "reg 2(1), \"working day\"", "CPPCR 2010 reg 2(1)", Reg(2), CppcrInForce);

    /// <summary>CAL-2: bank holidays under the Banking and Financial Dealings Act 1971 and the yearly proclamations.</summary>
    public static Citation BankHolidays { get; } = new(
        "Banking and Financial Dealings Act 1971",
        "s1 and Schedule 1; St Andrew's Day Bank Holiday (Scotland) Act 2007 s1; royal proclamations under s1(2)-(3)",
        "BFDA 1971 s1 and Sch 1",
        new Uri("https://www.legislation.gov.uk/ukpga/1971/80/schedule/1"));

    /// <summary>CAL-3: the day of the event is excluded when counting a period "of" or "after" it.</summary>
    public static Citation WorkingDayCount { get; } = new(
        "Zoan v Rouamba [2000] 1 WLR 1509 (CA)",
        "the day of the event is excluded; with CPPCR 2010 reg 2(1), \"working day\"",
        "Zoan v Rouamba [2000] 1 WLR 1509");

    /// <summary>CAL-4: "month" means calendar month; the corresponding-date rule.</summary>
    public static Citation CalendarMonths { get; } = new(
        "Interpretation Act 1978",
        "s5 and Schedule 1 (\"month\"); corresponding-date rule, Dodds v Walker [1981] 1 WLR 1027 (HL)",
        "Interpretation Act 1978 Sch 1; Dodds v Walker [1981] 1 WLR 1027",
        new Uri("https://www.legislation.gov.uk/ukpga/1978/30/schedule/1"));

    /// <summary>AGE-1: a person attains an age at the start of the anniversary of their birth.</summary>
    public static Citation Age { get; } = new(
        "Family Law Reform Act 1969", "s9(1)", "FLRA 1969 s9(1)", new Uri("https://www.legislation.gov.uk/ukpga/1969/46/section/9"), new LocalDate(1970, 1, 1));

    /// <summary>REV-1: first review within 20 working days of becoming looked after (from 1 April 2011).</summary>
    public static Citation FirstReview { get; } = new(Cppcr, "reg 33(1)", "CPPCR 2010 reg 33(1)", Reg(33), CppcrInForce);

    /// <summary>REV-2 and REV-3: second review within 3 months of the first, then at intervals of not more than 6 months.</summary>
    public static Citation LaterReviews { get; } = new(Cppcr, "reg 33(2)", "CPPCR 2010 reg 33(2)", Reg(33), CppcrInForce);

    /// <summary>REV-4: reviews brought forward.</summary>
    public static Citation EarlyReview { get; } = new(Cppcr, "reg 33(3)", "CPPCR 2010 reg 33(3)", Reg(33), CppcrInForce);

    /// <summary>REV-1 to REV-3 before 1 April 2011: first review within 4 weeks, second within 3 months, then 6-monthly.</summary>
    public static Citation Reviews1991 { get; } = new(
        Rccr, "reg 3", "RCCR 1991 reg 3", new Uri("https://www.legislation.gov.uk/uksi/1991/895/regulation/3/made"), RccrInForce, RccrRevoked);

    /// <summary>REV-5: conduct of the review; the IRO chairs its meetings; one adjournment (IRO Handbook 2010 ch. 3).</summary>
    public static Citation ReviewMeetings { get; } = new(Cppcr, "reg 36; IRO Handbook 2010 ch. 3", "CPPCR 2010 reg 36", Reg(36), CppcrInForce);

    /// <summary>REV-6: record of the review; the number of working days is local policy.</summary>
    public static Citation ReviewRecord { get; } = new(
        Cppcr, "regs 37-38 (record and implementation); timescales are local policy", "CPPCR 2010 regs 37-38 and local policy", Reg(37), CppcrInForce);

    /// <summary>REV-7: no significant change to the care plan unless first considered at a review.</summary>
    public static Citation SignificantChange { get; } = new(Cppcr, "reg 32(2)", "CPPCR 2010 reg 32(2)", Reg(32), CppcrInForce);

    /// <summary>REV-9: short breaks: the Regulations apply with modifications.</summary>
    public static Citation ShortBreaks { get; } = new(Cppcr, "reg 48", "CPPCR 2010 reg 48", Reg(48), CppcrInForce);

    /// <summary>REV-10: the IRO speaks to the child in private before the review; the 6-week window is local policy.</summary>
    public static Citation IroVisit { get; } = new(
        Cppcr, "reg 36(1)(b); 6-week window is local policy", "CPPCR 2010 reg 36(1)(b) and local policy", Reg(36), CppcrInForce);

    /// <summary>PAR-1: the SSDA903 participation codes and their validation against age (rules 440/441).</summary>
    public static Citation Participation { get; } = new(
        "DfE, Children looked after return (SSDA903) guidance", "reviews: participation codes PN0-PN7; validation rules 440 and 441", "SSDA903 guidance, PN codes");

    /// <summary>LEG-1 and LEG-2: the SSDA903 legal status and reason-for-new-episode codes.</summary>
    public static Citation Ssda903Episodes { get; } = new(
        "DfE, Children looked after return (SSDA903) guidance", "episodes: legal status (LS) and reason for new episode (RNE) codes", "SSDA903 guidance, episodes");

    /// <summary>LOC-1: the local monitoring flag for children accommodated under Section 20 for over three months.</summary>
    public static Citation Section20Flag { get; } = new(
        "Children Act 1989 s20, with a local monitoring standard (Manchester City Council IRO annual report)",
        "accommodation under s20 for over three months (local policy; months by Interpretation Act 1978 Sch 1)",
        "CA 1989 s20 and local policy", new Uri("https://www.legislation.gov.uk/ukpga/1989/41/section/20"));

    /// <summary>SEC-1: the criteria for keeping a child in secure accommodation (Children Act 1989 s25(1)).</summary>
    public static Citation SecureCriteria { get; } = new(
        "Children Act 1989", "s25(1)", "CA 1989 s25(1)", new Uri("https://www.legislation.gov.uk/ukpga/1989/41/section/25"));

    /// <summary>SEC-1: under-13s need the Secretary of State's approval; children to whom s25 does not apply.</summary>
    public static Citation SecureEligibility { get; } = new(
        Csar, "regs 4-5 (as amended)", "CSAR 1991 regs 4-5", Csar1991(4), CsarInForce);

    /// <summary>SEC-2 and SEC-3: 72 hours in any 28 consecutive days without court authority, and the Sunday and public-holiday extension.</summary>
    public static Citation SecureTimeLimit { get; } = new(Csar, "reg 10", "CSAR 1991 reg 10", Csar1991(10), CsarInForce);

    /// <summary>SEC-4: maximum periods of court authorisation: 3 months first, 6 months further; remand.</summary>
    public static Citation SecureOrder { get; } = new(Csar, "regs 11-13; Children Act 1989 s25(4)", "CSAR 1991 regs 11-13", Csar1991(11), CsarInForce);

    /// <summary>SEC-5: reviews of a secure placement: panel, first within one month, then every three months.</summary>
    public static Citation SecureReview { get; } = new(Csar, "regs 15-16", "CSAR 1991 regs 15-16", Csar1991(15), CsarInForce);

    /// <summary>LC-1: eligible child (CA 1989 Sch 2 para 19B; CPPCR 2010 reg 40).</summary>
    public static Citation EligibleChild { get; } = new(
        "Children Act 1989 Sch 2 para 19B(2)-(3); CPPCR 2010 reg 40", "13 weeks looked after since 14, ending after 16; reg 48 short breaks excluded",
        "CA 1989 Sch 2 para 19B; CPPCR 2010 reg 40", new Uri("https://www.legislation.gov.uk/ukpga/1989/41/schedule/2"));

    /// <summary>LC-2: relevant child (CA 1989 s23A; Care Leavers (England) Regulations 2010 reg 3).</summary>
    public static Citation RelevantChild { get; } = new(
        "Children Act 1989 s23A(2)-(3); Care Leavers (England) Regulations 2010 (SI 2010/2571) reg 3", "relevant child, additional category and return-home exclusion",
        "CA 1989 s23A; CLR 2010 reg 3", new Uri("https://www.legislation.gov.uk/ukpga/1989/41/section/23A"));

    /// <summary>LC-3: former relevant child; duties to 21, or 25 (CA 1989 s23C, s23CA, s23CZB).</summary>
    public static Citation FormerRelevantChild { get; } = new(
        "Children Act 1989 s23C(1), (3), (6)-(7); s23CA; s23CZB", "former relevant child; support to 21, or 25",
        "CA 1989 s23C", new Uri("https://www.legislation.gov.uk/ukpga/1989/41/section/23C"));

    /// <summary>LC-4: needs assessment within 3 months (CPPCR 2010 regs 41-42).</summary>
    public static Citation NeedsAssessment { get; } = new(Cppcr, "regs 41-42(1)", "CPPCR 2010 reg 42(1)", Reg(42), CppcrInForce);

    /// <summary>LC-5: pathway plan (CPPCR 2010 reg 43; 16 years 3 months is local policy).</summary>
    public static Citation PathwayPlan { get; } = new(Cppcr, "reg 43; from 16 years 3 months is local policy", "CPPCR 2010 reg 43 and local policy", Reg(43), CppcrInForce);

    /// <summary>LC-6: pathway plan reviews (CA 1989 Sch 2 para 19B(5)-(6), s23E; CLR 2010 reg 7).</summary>
    public static Citation PathwayPlanReview { get; } = new(
        "Children Act 1989 Sch 2 para 19B(5)-(6), s23E; Care Leavers (England) Regulations 2010 reg 7", "reviews at intervals of not more than 6 months",
        "CA 1989 s23E; CLR 2010 reg 7");

    /// <summary>REV-8: permanence plan by the second review (statutory guidance and local policy).</summary>
    public static Citation PermanencePlan { get; } = new(
        "Children Act 1989 Guidance and Regulations Vol 2 (care planning); CPPCR 2010 reg 5", "plan for permanence by the second review (guidance and local policy)",
        "CA 1989 Guidance Vol 2 and local policy");

    /// <summary>LOC-2 to LOC-4: local adoption monitoring flags.</summary>
    public static Citation AdoptionFlags { get; } = new(
        "Adoption and Children Act 2002 s21 and a local monitoring standard (Manchester City Council IRO annual report)", "placement order and adoption waits (local policy)",
        "ACA 2002 and local policy");

    /// <summary>IRO-1: appointment of an IRO (CA 1989 s25A); local allocation time.</summary>
    public static Citation IroAppointment { get; } = new(
        "Children Act 1989 s25A(1)-(3)", "an IRO appointed before the first review; allocation time is local policy", "CA 1989 s25A and local policy",
        new Uri("https://www.legislation.gov.uk/ukpga/1989/41/section/25A"));

    /// <summary>IRO-3: IRO caseload 50-70 per full-time IRO (IRO Handbook 2010 ch. 7).</summary>
    public static Citation IroCaseload { get; } = new("IRO Handbook 2010", "ch. 7 (caseload of 50-70 per full-time IRO)", "IRO Handbook 2010 ch. 7");

    /// <summary>DRP-1: the dispute resolution process (IRO Handbook 2010 ch. 6; CA 1989 s25B(3); CPPCR 2010 reg 45).</summary>
    public static Citation DisputeResolution { get; } = new(
        "IRO Handbook 2010", "ch. 6 para 6.2 (formal process within 20 working days; stages may be skipped); CA 1989 s25B(3); CPPCR 2010 reg 45",
        "IRO Handbook 2010 para 6.2");

    private static Uri Csar1991(int number) => new($"https://www.legislation.gov.uk/uksi/1991/1505/regulation/{number}");

    private static Uri Reg(int number) => new($"https://www.legislation.gov.uk/uksi/2010/959/regulation/{number}");
}
