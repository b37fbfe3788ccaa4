using Iro.Rules.Caseload;

namespace Iro.Rules.Tests.Reference;

/// <summary>A caseload sink that counts what it is given and keeps nothing: a stand-in for a writer such as the
/// caseload sample's flags.csv, shared by the allocation test and the benchmarks.</summary>
public sealed class CountingFlagSink : ICaseloadSink
{
    public int Count { get; private set; }

    public int NotEvaluatedCount { get; private set; }

    public void Flag(CaseloadFlag flag) => Count++;

    public void NotEvaluated(ChildEvaluation child) => NotEvaluatedCount++;

    public void Clear() => Count = NotEvaluatedCount = 0;
}
