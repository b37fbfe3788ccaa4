using FsCheck.Xunit;
using Iro.Rules.Escalation;

namespace Iro.Rules.Tests.Policy;

/// <summary>Policy file invariants over random policies built key by key from the key table.</summary>
[Properties(MaxTest = 200)]
public class PolicyFileProperties
{
    /// <summary>A random valid policy: each key takes a value drawn from its own range or names, from <paramref name="seed"/>.</summary>
    private static LocalPolicy Random(int seed)
    {
        var random = new Random(seed);
        LocalPolicy p = LocalPolicy.Default;
        foreach (PolicyKey key in PolicyKeys.All)
        {
            switch (key.Kind)
            {
                case PolicyValueKind.Boolean:
                    p = key.WithBoolean!(p, random.Next(2) == 0);
                    break;
                case PolicyValueKind.Integer:
                    p = key.WithInteger!(p, random.Next(key.Range.Min, key.Range.Max) + random.Next(2));
                    break;
                case PolicyValueKind.Enum:
                    p = key.WithNames!(p, [key.Names[random.Next(key.Names.Count)]]);
                    break;
                case PolicyValueKind.EnumList:
                    p = key.WithNames!(p, key.Names.Where(_ => random.Next(3) == 0).ToArray());
                    break;
                default:
                    DrpStage[] stages = Enumerable.Range(1, random.Next(1, 5))
                        .Select(n => new DrpStage(n * random.Next(1, 4), $"Stage \"{n}\" é", random.Next(2) == 0, random.Next(3) == 0 ? null : random.Next(0, 30), random.Next(4) == 0))
                        .DistinctBy(s => s.Number).ToArray();
                    p = key.WithProtocol!(p, new DisputeResolutionProtocol(stages, random.Next(1, 251), (DrpClockStart)random.Next(2)));
                    break;
            }
        }

        return p.CaseloadMin <= p.CaseloadMax ? p : p with { CaseloadMin = p.CaseloadMax, CaseloadMax = p.CaseloadMin };
    }

    [Property]
    public bool ToJson_ThenFromJson_IsTheSamePolicy(int seed)
    {
        LocalPolicy p = Random(seed);
        LocalPolicy back = LocalPolicy.FromJson(p.ToJson());
        return back.Equals(p) && back.GetHashCode() == p.GetHashCode();
    }

    [Property]
    public bool Departures_AreEmpty_ExactlyWhenThePolicyIsTheDefault(int seed)
    {
        LocalPolicy p = Random(seed);
        return (p.Departures().Count == 0) == p.Equals(LocalPolicy.Default);
    }

    /// <summary>Applying only the departures to the defaults gives the policy back: they are all that differs.</summary>
    [Property]
    public bool TheDepartures_AppliedToTheDefaults_GiveThePolicy(int seed)
    {
        LocalPolicy p = Random(seed);
        var keys = p.Departures().Select(d => d.Key.Split('.')[0]).ToHashSet();
        string json = "{" + string.Join(",", PolicyKeys.All.Where(k => keys.Contains(k.Name)).Select(k => $"\"{k.Name}\":{PolicyFile.ValueText(k, p)}")) + "}";
        return LocalPolicy.FromJson(json).Equals(p);
    }
}
