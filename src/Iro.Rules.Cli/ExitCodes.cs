namespace Iro.Rules.Cli;

/// <summary>The exit codes every <c>iro</c> command uses, the same as the main job's: 0 done, 1 done but incomplete, 2 bad input, 3 internal error.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Done = 0;

    /// <summary>Done, but the answer is incomplete or carries flags the caller asked to fail on (for example <c>iro reviews --fail-on-late</c>).</summary>
    public const int Incomplete = 1;

    /// <summary>Bad input: a bad argument, option, date or file. Nothing was answered.</summary>
    public const int BadInput = 2;

    /// <summary>A fault in the tool itself, not in the input; <c>--verbose</c> shows the details to report.</summary>
    public const int InternalError = 3;
}
