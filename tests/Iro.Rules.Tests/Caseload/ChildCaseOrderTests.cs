using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using Iro.Rules.Participation;

namespace Iro.Rules.Tests.Caseload;

/// <summary>ChildCase keeps its histories in date order whatever order they come in, stably (same-day items keep the
/// order given), and never shares the caller's array.</summary>
public class ChildCaseOrderTests
{
    private static LocalDate D(string iso) => Dates.Parse(iso);

    private static readonly Episode[] OneEpisode = [new Episode(D("2024-01-01"), null, LegalStatus.C2, ReasonForNewEpisode.S)];

    [Fact]
    public void Reviews_OutOfOrder_AreSorted_SameDayReviewsKeepTheirOrder()
    {
        CaseReview[] given =
        [
            new(D("2024-06-01"), ParticipationCode.PN1),
            new(D("2024-01-20"), ParticipationCode.PN2),
            new(D("2024-06-01"), ParticipationCode.PN3),
            new(D("2024-01-19"), ParticipationCode.PN4),
        ];
        var child = new ChildCase("C1", D("2012-05-05"), OneEpisode, given);
        Assert.Equal([given[3], given[1], given[0], given[2]], child.Reviews);
    }

    [Fact]
    public void Reviews_AlreadyInOrder_AreKept_AndTheCallersArrayIsNotShared()
    {
        CaseReview[] given = [new(D("2024-01-19"), ParticipationCode.PN1), new(D("2024-01-19"), ParticipationCode.PN2), new(D("2024-03-01"))];
        var child = new ChildCase("C1", D("2012-05-05"), OneEpisode, given);
        given[0] = new CaseReview(D("2024-02-02"));
        Assert.Equal([new(D("2024-01-19"), ParticipationCode.PN1), new(D("2024-01-19"), ParticipationCode.PN2), new(D("2024-03-01"))], child.Reviews);
    }

    [Fact]
    public void IroAllocations_OutOfOrder_AreSorted_SameDayKeepTheirOrder()
    {
        var child = new ChildCase("C1", D("2012-05-05"), OneEpisode, [])
        {
            IroAllocations = [new("B", D("2024-03-01")), new("A", D("2024-01-02")), new("C", D("2024-03-01"))],
        };
        Assert.Equal(["A", "B", "C"], child.IroAllocations!.Select(a => a.Iro));
    }

    [Fact]
    public void NullEpisode_IsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => new ChildCase("C1", D("2012-05-05"), [OneEpisode[0], null!], []));
    }
}
