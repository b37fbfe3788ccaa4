using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using Iro.Rules.Calendars;
using Iro.Rules.Cli.Output;
using NodaTime;
using NodaTime.Text;

namespace Iro.Rules.Cli;

/// <summary>The arguments and options several commands share, each with a parser whose error is one line naming the argument and the problem.</summary>
internal static class Inputs
{
    public const string DateRule = "dates are yyyy-MM-dd, for example 2025-04-17";

    /// <summary>A date in yyyy-MM-dd; anything else is a parse error (exit 2).</summary>
    public static Argument<LocalDate> Date(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseDate(result, $"<{name}>"),
    };

    /// <summary>One or more dates in yyyy-MM-dd.</summary>
    public static Argument<LocalDate[]> Dates(string name, string description) => new(name)
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
        CustomParser = result => result.Tokens.Select(t => ParseDate(result, $"<{name}>", t.Value)).ToArray(),
    };

    /// <summary>An optional date option, for example <c>--as-of</c>.</summary>
    public static Option<LocalDate?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "yyyy-MM-dd",
        CustomParser = result => ParseDate(result, name),
    };

    /// <summary>A whole number, for example <c>--working-days</c>.</summary>
    public static Option<int> Whole(string name, string description, int defaultValue) => new(name)
    {
        Description = description,
        HelpName = "n",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            string text = Single(result);
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            result.AddError($"{name}: '{text}' is not a whole number");
            return defaultValue;
        },
    };

    /// <summary><c>--format text|json|csv</c>.</summary>
    /// <remarks>No default value factory, so that help does not show the enum's own spelling: absent means text.</remarks>
    public static Option<OutputFormat?> Format() => new("--format")
    {
        Description = "How to write the answer: text (for a person, the default), json or csv.",
        HelpName = "text|json|csv",
        CustomParser = result =>
        {
            string text = Single(result);
            if (Enum.TryParse(text, ignoreCase: true, out OutputFormat format) && Enum.IsDefined(format) && !int.TryParse(text, out _))
            {
                return format;
            }

            result.AddError($"--format: '{text}' is not one of text, json, csv");
            return OutputFormat.Text;
        },
    };

    /// <summary><c>--jurisdiction england-and-wales|scotland|northern-ireland|any-uk-part</c>.</summary>
    public static Option<Jurisdiction> Jurisdiction() => new("--jurisdiction")
    {
        Description = "Whose bank holidays: england-and-wales (the default, as the Care Planning Regulations use), scotland, northern-ireland, or any-uk-part (a holiday anywhere in the UK).",
        HelpName = "part",
        DefaultValueFactory = _ => Cli.Jurisdiction.EnglandAndWales,
        CustomParser = result =>
        {
            string text = Single(result);
            Jurisdiction? found = Cli.Jurisdiction.All.FirstOrDefault(j => string.Equals(j.Name, text, StringComparison.OrdinalIgnoreCase));
            if (found is null)
            {
                result.AddError($"--jurisdiction: '{text}' is not one of {string.Join(", ", Cli.Jurisdiction.All.Select(static j => j.Name))}");
                return Cli.Jurisdiction.EnglandAndWales;
            }

            return found;
        },
    };

    /// <summary>Parses a yyyy-MM-dd date typed for <paramref name="label"/>, or throws <see cref="CliInputException"/>.</summary>
    public static LocalDate ParseDate(string label, string text)
    {
        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new CliInputException(label, $"'{text}' is not a date: {DateRule}");
    }

    private static LocalDate ParseDate(ArgumentResult result, string label) => ParseDate(result, label, Single(result));

    private static LocalDate ParseDate(ArgumentResult result, string label, string text)
    {
        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        result.AddError($"{label}: '{text}' is not a date: {DateRule}");
        return default;
    }

    private static string Single(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
}

/// <summary>A choice of <c>--jurisdiction</c>: one part of the UK, or any part.</summary>
/// <param name="Name">As typed on the command line.</param>
/// <param name="Part">The part of the UK; <see langword="null"/> for any-uk-part.</param>
internal sealed record Jurisdiction(string Name, UkJurisdiction? Part)
{
    public static Jurisdiction EnglandAndWales { get; } = new("england-and-wales", UkJurisdiction.EnglandAndWales);

    public static Jurisdiction[] All { get; } =
    [
        EnglandAndWales,
        new("scotland", UkJurisdiction.Scotland),
        new("northern-ireland", UkJurisdiction.NorthernIreland),
        new("any-uk-part", null),
    ];

    public BankHolidayCalendar BankHolidays => Part is UkJurisdiction part ? BankHolidayCalendar.For(part) : BankHolidayCalendar.AnyUkPart;

    public WorkingDayCalendar WorkingDays => Part is UkJurisdiction part ? WorkingDayCalendar.For(part) : WorkingDayCalendar.AnyUkPart;

    public override string ToString() => Name;
}
