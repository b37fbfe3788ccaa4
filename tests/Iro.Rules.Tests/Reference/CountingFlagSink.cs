using System.Collections;
using System.Collections.Generic;
using System.Linq;
using Iro.Rules.Caseload;

namespace Iro.Rules.Tests.Reference;

/// <summary>A flag collection that counts what it is given and keeps nothing: a stand-in for a writer such as the
/// caseload sample's flags.csv, shared by the allocation test and the benchmarks.</summary>
public sealed class CountingFlagSink : ICollection<CaseloadFlag>
{
    public int Count { get; private set; }

    public bool IsReadOnly => false;

    public void Add(CaseloadFlag item) => Count++;

    public void Clear() => Count = 0;

    public bool Contains(CaseloadFlag item) => false;

    public void CopyTo(CaseloadFlag[] array, int arrayIndex)
    {
    }

    public bool Remove(CaseloadFlag item) => false;

    public IEnumerator<CaseloadFlag> GetEnumerator() => Enumerable.Empty<CaseloadFlag>().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
