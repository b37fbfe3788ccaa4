using System;

namespace Iro.Rules;

/// <summary>A council policy file (JSON) that cannot be used: the message names the file, the line, the key, the value
/// and what is allowed, in one line.</summary>
/// <remarks>Thrown by <see cref="LocalPolicy.FromJson(string)"/> and <see cref="LocalPolicy.Load(string)"/>. Nothing of a
/// refused file is applied. The keys and their ranges are in schemas/local-policy.schema.json and docs/rules.md.</remarks>
public sealed class PolicyFileException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file as given, or <see langword="null"/> for JSON text.</param>
    /// <param name="key">The key's path, for example <c>disputeResolution.stages[1].number</c>, or <see langword="null"/> when the problem is not one key.</param>
    /// <param name="value">The value as written (shortened when long), or <see langword="null"/>.</param>
    /// <param name="allowed">What the key allows, or <see langword="null"/>.</param>
    /// <param name="line">The line, from 1, or <see langword="null"/>.</param>
    /// <param name="column">The column, from 1, or <see langword="null"/>.</param>
    /// <param name="message">The whole message.</param>
    /// <param name="inner">The JSON reader's exception, if any.</param>
    public PolicyFileException(string? file, string? key, string? value, string? allowed, long? line, long? column, string message, Exception? inner = null)
        : base(message, inner)
    {
        File = file;
        Key = key;
        Value = value;
        Allowed = allowed;
        Line = line;
        Column = column;
    }

    /// <summary>Creates the exception with a default message.</summary>
    public PolicyFileException()
        : this("The policy file cannot be used.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public PolicyFileException(string message)
        : this(null, null, null, null, null, null, message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyFileException(string message, Exception innerException)
        : this(null, null, null, null, null, null, message, innerException)
    {
    }

    /// <summary>The file as given, or <see langword="null"/> when JSON text was read.</summary>
    public string? File { get; }

    /// <summary>The key's path in the file (<c>minutesDueWorkingDays</c>, <c>disputeResolution.stages[0].name</c>), or <see langword="null"/>.</summary>
    public string? Key { get; }

    /// <summary>The value as written in the file (shortened when long), or <see langword="null"/>.</summary>
    public string? Value { get; }

    /// <summary>What the key allows (a range, the names allowed, or the nearest known key), or <see langword="null"/>.</summary>
    public string? Allowed { get; }

    /// <summary>The line of the problem, from 1, or <see langword="null"/>.</summary>
    public long? Line { get; }

    /// <summary>The column of the problem, from 1 (in characters), or <see langword="null"/>.</summary>
    public long? Column { get; }
}
