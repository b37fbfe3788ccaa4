using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Iro.Rules.Caseload;
using Iro.Rules.Legal;
using Iro.Rules.Participation;

namespace Iro.Rules.Tests.Caseload;

/// <summary>Bulk evaluation invariants: parallel = sequential = each child alone; children in = evaluated + not evaluated; order of input does not matter.</summary>
public class CaseloadProperties
{
    private static readonly LocalDate AsOf = new(2025, 11, 10);

    public readonly record struct Caseload(ChildCase[] Children);

    public static class Arbs
    {
        public static Arbitrary<Caseload> Caseload() =>
            (from seeds in Gen.Choose(0, int.MaxValue).ArrayOf()
             select new Caseload(seeds.Take(40).Select((s, i) => Child(s, i)).ToArray())).ToArbitrary();

        private static ChildCase Child(int seed, int index)
        {
            var random = new Random(seed);
            LocalDate dob = AsOf.PlusDays(-random.Next(100, 18 * 365));
            LocalDate start = AsOf.PlusDays(-random.Next(1, 900));
            if (start < dob)
            {
                start = dob.PlusDays(1);
            }

            var status = (LegalStatus)random.Next(0, 13);
            var episodes = new List<Episode> { new(start, random.Next(4) == 0 ? start.PlusDays(random.Next(1, 200)) : null, status, ReasonForNewEpisode.S) };
            if (random.Next(10) == 0)
            {
                episodes.Add(new Episode(start.PlusDays(1), null, LegalStatus.C2, ReasonForNewEpisode.L)); // overlap: a bad record
            }

            var reviews = new List<CaseReview>();
            LocalDate r = start;
            for (int k = random.Next(0, 6); k > 0; k--)
            {
                r = r.PlusDays(random.Next(10, 200));
                reviews.Add(new CaseReview(r, (ParticipationCode)random.Next(0, 8)));
            }

            // Escalations for about 1 in 5, some with impossible dates or stages (bad records).
            Iro.Rules.Escalation.DisputeEscalation[]? escalations = null;
            if (random.Next(5) == 0)
            {
                LocalDate raised = start.PlusDays(random.Next(0, 100));
                var steps = Enumerable.Range(1, random.Next(0, 4))
                    .Select(k => new Iro.Rules.Escalation.EscalationStep(random.Next(12) == 0 ? 0 : k, raised.PlusDays(k * 3), random.Next(6) == 0 ? raised.PlusDays(k * 3 - random.Next(-5, 5)) : null))
                    .ToArray();
                escalations = [new Iro.Rules.Escalation.DisputeEscalation(steps, random.Next(3) == 0 ? raised.PlusDays(random.Next(-3, 40)) : null)];
            }

            return new ChildCase("K" + index, dob, episodes, reviews) { PlacementOrderOn = random.Next(5) == 0 ? start : null, Escalations = escalations };
        }
    }

    private static string Key(ChildEvaluation e) =>
        e.ChildId + "|" + string.Join(";", e.Flags.Select(f => $"{f.Rule}/{f.StatusText}/{f.Date}/{f.Reason}")) + "|" + string.Join(";", e.Rejections);

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 40)]
    public bool Parallel_EqualsSequential_EqualsEachChildAlone(Caseload caseload)
    {
        var evaluator = new CaseloadEvaluator();
        var sequential = evaluator.Evaluate(caseload.Children, AsOf).Select(Key).ToList();
        var parallel = evaluator.Evaluate(caseload.Children, AsOf, degreeOfParallelism: 2).Select(Key).ToList();
        var alone = caseload.Children.Select(c => Key(evaluator.EvaluateChild(c, AsOf))).ToList();
        return sequential.SequenceEqual(parallel) && sequential.SequenceEqual(alone);
    }

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 40)]
    public bool ChildrenIn_EqualsEvaluatedPlusNotEvaluated(Caseload caseload)
    {
        var results = new CaseloadEvaluator().Evaluate(caseload.Children, AsOf).ToList();
        return results.Count == caseload.Children.Length
            && results.Zip(caseload.Children).All(pair => pair.First.ChildId == pair.Second.Id
                && pair.First.Evaluated == ChildCaseValidator.Instance.Validate(pair.Second).IsValid)
            && results.Where(r => !r.Evaluated).All(r => r.Flags.Count == 0);
    }

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 60)]
    public bool QuickValidityCheck_NeverPassesARecordTheValidatorRejects(Caseload caseload) =>
        caseload.Children.All(c => !ChildCaseValidator.Instance.PassesQuickly(c) || ChildCaseValidator.Instance.Validate(c).IsValid);

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 40)]
    public bool EvaluateToSink_Parallel_EqualsEvaluate(Caseload caseload)
    {
        var evaluator = new CaseloadEvaluator();
        var expected = evaluator.Evaluate(caseload.Children, AsOf).ToList();
        var sink = new CollectingCaseloadSink();
        CaseloadTotals totals = evaluator.Evaluate(caseload.Children, AsOf, sink, degreeOfParallelism: 2);
        return totals.Read == caseload.Children.Length
            && totals.Evaluated + totals.NotEvaluated == totals.Read
            && sink.Flags.SequenceEqual(expected.SelectMany(e => e.Flags))
            && sink.NotEvaluatedChildren.Select(Key).SequenceEqual(expected.Where(e => !e.Evaluated).Select(Key));
    }

    [Property(Arbitrary = new[] { typeof(Arbs) }, MaxTest = 40)]
    public bool ShufflingTheInput_ChangesNothing(Caseload caseload, int seed)
    {
        var evaluator = new CaseloadEvaluator();
        var random = new Random(seed);
        var shuffled = caseload.Children.OrderBy(_ => random.Next()).ToArray();
        var a = evaluator.Evaluate(caseload.Children, AsOf).Select(Key).OrderBy(k => k, StringComparer.Ordinal);
        var b = evaluator.Evaluate(shuffled, AsOf).Select(Key).OrderBy(k => k, StringComparer.Ordinal);
        var fa = AnnualFigures.Compute(caseload.Children, new Iro.Rules.Timescales.ReportingYear(2024)).Figures;
        var fb = AnnualFigures.Compute(shuffled, new Iro.Rules.Timescales.ReportingYear(2024)).Figures;
        return a.SequenceEqual(b) && fa.SequenceEqual(fb);
    }
}
