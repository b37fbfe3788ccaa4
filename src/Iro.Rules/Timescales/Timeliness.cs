namespace Iro.Rules.Timescales;

/// <summary>Whether a deadline was met, as of a date.</summary>
/// <remarks>Shared by every deadline rule (CAL-3, CAL-4, REV-1 to REV-10). A due date is inclusive: an act on it is on time.</remarks>
public enum Timeliness
{
    /// <summary>Done on or before the due date (the due date is inclusive).</summary>
    OnTime = 0,

    /// <summary>Done, but after the due date.</summary>
    Late = 1,

    /// <summary>Not done, and the due date has passed.</summary>
    Overdue = 2,

    /// <summary>Not done, and the due date has not yet passed.</summary>
    NotYetDue = 3,

    /// <summary>No longer required: for example the period of care ended before the due date.</summary>
    NotRequired = 4,
}
