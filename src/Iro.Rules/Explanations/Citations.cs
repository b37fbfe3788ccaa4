using System;
using NodaTime;

namespace Iro.Rules.Explanations;

/// <summary>The citations the rules use, in one catalogue so that every answer cites a source the same way.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public static class Citations
{
    /// <summary>CAL-1: the definition of "working day" in the Care Planning, Placement and Case Review (England) Regulations 2010.</summary>
    public static Citation WorkingDay { get; } = new(
        "Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)",
        "reg 2(1), \"working day\"",
        new Uri("https://www.legislation.gov.uk/uksi/2010/959/regulation/2"),
        new LocalDate(2011, 4, 1));

    /// <summary>CAL-2: bank holidays under the Banking and Financial Dealings Act 1971 and the yearly proclamations.</summary>
    public static Citation BankHolidays { get; } = new(
        "Banking and Financial Dealings Act 1971",
        "s1 and Schedule 1; St Andrew's Day Bank Holiday (Scotland) Act 2007 s1; royal proclamations under s1(2)-(3)",
        new Uri("https://www.legislation.gov.uk/ukpga/1971/80/schedule/1"));

    /// <summary>CAL-3: the day of the event is excluded when counting a period "of" or "after" it.</summary>
    public static Citation WorkingDayCount { get; } = new(
        "Zoan v Rouamba [2000] 1 WLR 1509 (CA)",
        "the day of the event is excluded; with CPPCR 2010 reg 2(1), \"working day\"");
}
