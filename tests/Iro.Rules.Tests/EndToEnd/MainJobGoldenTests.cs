using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Iro.Rules.Tests.EndToEnd;

/// <summary>A fixed synthetic caseload written as SSDA903 CSV (several thousand children, with messy rows: bad dates,
/// spreadsheet dates and serial numbers, codes in lower case or with spaces, orphans, repeated and conflicting rows,
/// quoted values, blank lines), for the golden tests: the same text on every machine and every run.</summary>
public static class GoldenCaseload
{
    public const int Children = 4000;

    private static readonly string[] LegalStatuses = ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2", "L3", "J1", "J2", "J3"];
    private static readonly string[] Reasons = ["L", "P", "T", "U", "B"];
    private static readonly string[] Places = ["U1", "U2", "U3", "U4", "U5", "U6", "A3", "A5", "K1", "K2", "P1", "R1", "R3", "S1", "T0", "Z1", "H5"];
    private static readonly string[] Recs = ["E11", "E12", "E13", "E2", "E3", "E41", "E45", "X1", "E8"];
    private static readonly LocalDate First = new(2022, 1, 1);

    /// <summary>The four files' lines (header row first), in CHILD order.</summary>
    public static (List<string> Header, List<string> Episodes, List<string> Reviews, List<string> Adoption) Build(int children = Children)
    {
        var random = new Lcg(20260401);
        var header = new List<string> { "CHILD,SEX,DOB,UPN" };
        var episodes = new List<string> { "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN" };
        var reviews = new List<string> { "CHILD,DOB,REVIEW,REVIEW_CODE" };
        var adoption = new List<string> { "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED" };
        int id = 100_000;
        for (int n = 0; n < children; n++)
        {
            id += 1 + random.Next(3);
            string child = id.ToString(CultureInfo.InvariantCulture);
            LocalDate dob = new LocalDate(2005, 1, 1).PlusDays(random.Next(365 * 20));
            string sex = random.Next(2) == 0 ? "1" : "2";
            header.Add($"{child},{sex},{Date(random, dob, reviews: false)},A{random.Next(1_000_000).ToString("D7", CultureInfo.InvariantCulture)}");
            if (random.Next(400) == 0)
            {
                header.Add($"{child},{sex},{Date(random, dob.PlusDays(random.Next(2)), reviews: false)},"); // twice in header.csv
            }

            // Episodes: a period of care that began in 2022-2025, one to six episodes, the last often open.
            LocalDate start = First.PlusDays(random.Next(365 * 3 + 300));
            if (start < dob)
            {
                start = dob.PlusDays(random.Next(60));
            }

            int count = 1 + random.Next(6);
            LocalDate day = start;
            var reviewDays = new List<LocalDate>();
            for (int e = 0; e < count; e++)
            {
                LocalDate next = day.PlusDays(5 + random.Next(300));
                bool open = e == count - 1 && random.Next(4) != 0;
                if (next > new LocalDate(2025, 11, 10))
                {
                    open = true;
                }

                string rne = e == 0 ? (random.Next(30) == 0 ? "P" : "S") : Reasons[random.Next(Reasons.Length)];
                string ls = LegalStatuses[random.Next(LegalStatuses.Length)];
                string place = Places[random.Next(Places.Length)];
                string dec = open ? string.Empty : Date(random, next, reviews: false);
                string rec = open ? string.Empty : e == count - 1 ? Recs[random.Next(Recs.Length)] : "X1";
                (rne, ls, place) = Messy(random, rne, ls, place);
                string decom = Date(random, day, reviews: false);
                string line = $"{child},{decom},{rne},{ls},N{1 + random.Next(8)},{place},PR{random.Next(6)},{dec},{rec},,AB1 2CD,EF3 4GH,SC{random.Next(999_999).ToString("D6", CultureInfo.InvariantCulture)}";
                episodes.Add(line);
                if (random.Next(300) == 0)
                {
                    episodes.Add(line); // repeated exactly
                }
                else if (random.Next(400) == 0)
                {
                    episodes.Add($"{child},{decom},{rne},{(ls == "C2" ? "V2" : "C2")},N1,{place},PR1,{dec},{rec},,,,"); // a conflicting LS
                }

                if (open)
                {
                    break;
                }

                day = next;
            }

            // Reviews: the first within about 20 working days, then about every 3 and 6 months, some late, some missed.
            LocalDate review = start.PlusDays(10 + random.Next(35));
            while (review <= new LocalDate(2025, 11, 10) && review <= day.PlusDays(200))
            {
                reviewDays.Add(review);
                review = review.PlusDays(reviewDays.Count == 1 ? 70 + random.Next(40) : 150 + random.Next(60));
            }

            foreach (LocalDate r in reviewDays)
            {
                string pn = "PN" + (random.Next(10) < 8 ? 1 : random.Next(8)).ToString(CultureInfo.InvariantCulture);
                int mess = random.Next(200);
                pn = mess switch
                {
                    0 => pn.ToLowerInvariant(),
                    1 => " " + pn + " ",
                    2 => "PN9",
                    3 => string.Empty,
                    4 => "Pn" + pn[2..],
                    _ => pn,
                };
                reviews.Add($"{child},{Date(random, dob, reviews: false)},{Date(random, r, reviews: true)},{pn}");
                if (random.Next(500) == 0)
                {
                    reviews.Add($"{child},,{Date(random, r, reviews: true)},{(pn == "PN1" ? "PN2" : "PN1")}"); // a conflicting code
                }
            }

            if (random.Next(25) == 0)
            {
                LocalDate decided = start.PlusDays(30 + random.Next(300));
                string ceased = random.Next(4) == 0 ? Date(random, decided.PlusDays(20 + random.Next(100)), reviews: false) : string.Empty;
                string reason = ceased.Length == 0 ? string.Empty : random.Next(10) == 0 ? "rd2" : random.Next(15) == 0 ? "RD9" : "RD" + (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture);
                adoption.Add($"{child},{Date(random, dob, reviews: false)},{Date(random, decided, reviews: false)},{ceased},{reason}");
            }

            // Rows whose child cannot be known, and other whole-row oddities.
            switch (random.Next(250))
            {
                case 0:
                    reviews.Add($",,{Date(random, start.PlusDays(40), reviews: true)},PN1"); // blank CHILD
                    break;
                case 1:
                    episodes.Add($"{child},{Date(random, start.PlusDays(3), reviews: false)},P,C2,N1,U1"); // too few fields
                    break;
                case 2:
                    episodes.Add(string.Empty); // a blank line between rows
                    break;
                case 3:
                    reviews.Add($"\"{child}\",\"01/01/2010\",\"{Date(random, start.PlusDays(90), reviews: true)}\",\"PN,1\""); // quoted, a comma inside
                    break;
                case 4:
                    episodes.Add($"{child},{Date(random, start.PlusDays(50), reviews: false)},P,C2,N1,U1,\"PR\nwith a line break\",{Date(random, start.PlusDays(20), reviews: false)},E11,,,,"); // ends before it starts
                    break;
                case 5:
                    reviews.Add($"{(id + 1).ToString(CultureInfo.InvariantCulture)}X,,{Date(random, start.PlusDays(40), reviews: true)},PN1"); // not in header.csv
                    break;
                case 6:
                    episodes.Add($"{child},{Date(random, start.PlusDays(7), reviews: false)},P,C2,N1,,PR1,,,,,,"); // PLACE blank
                    break;
            }
        }

        return (header, episodes, reviews, adoption);
    }

    /// <summary>Codes as councils' systems write them, now and then in lower case, with spaces, or unknown.</summary>
    private static (string Rne, string Ls, string Place) Messy(Lcg random, string rne, string ls, string place) => random.Next(300) switch
    {
        0 => (rne.ToLowerInvariant(), ls, place),
        1 => (rne, ls.ToLowerInvariant(), place),
        2 => (rne, " " + ls, place.ToLowerInvariant() + " "),
        3 => (rne, "C9", place),
        4 => ("Q", ls, place),
        5 => (rne, ls, "U9"),
        6 => (rne, string.Empty, place),
        _ => (rne, ls, place),
    };

    /// <summary>A date as the return writes it (dd/MM/yyyy), now and then as a spreadsheet or another system wrote it,
    /// or broken.</summary>
    private static string Date(Lcg random, LocalDate date, bool reviews)
    {
        string uk = date.ToString("dd/MM/uuuu", CultureInfo.InvariantCulture);
        int mess = random.Next(reviews ? 700 : 900);
        return mess switch
        {
            0 => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            1 => uk + " 00:00",
            2 => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + " 00:00:00",
            3 => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00",
            4 => date.ToString("d/M/uuuu", CultureInfo.InvariantCulture),
            5 => " " + uk + " ",
            6 => Period.Between(new LocalDate(1899, 12, 30), date, PeriodUnits.Days).Days.ToString(CultureInfo.InvariantCulture), // a spreadsheet serial number
            7 => uk + " 13:45",
            8 => "31/02/" + date.Year.ToString(CultureInfo.InvariantCulture),
            9 => date.ToString("MM/dd/uuuu", CultureInfo.InvariantCulture),
            10 => date.ToString("dd/MM/yy", CultureInfo.InvariantCulture),
            11 => "unknown",
            12 => date.ToString("dd-MM-uuuu", CultureInfo.InvariantCulture),
            13 => uk + "T00:00:00",
            14 => date.ToString("uuuu-M-d", CultureInfo.InvariantCulture),
            _ => uk,
        };
    }

    /// <summary>Writes the caseload to a folder: every file ordered by CHILD, as returns are.</summary>
    public static void Write(string folder, bool shuffled = false)
    {
        var (header, episodes, reviews, adoption) = Build();
        Directory.CreateDirectory(folder);
        WriteFile(Path.Combine(folder, "header.csv"), header, shuffled, "\r\n", bom: true);
        WriteFile(Path.Combine(folder, "episodes.csv"), episodes, shuffled, "\n", bom: false);
        WriteFile(Path.Combine(folder, "reviews.csv"), reviews, shuffled, "\r\n", bom: false);
        WriteFile(Path.Combine(folder, "placed_for_adoption.csv"), adoption, shuffled, "\n", bom: false);
        File.WriteAllText(Path.Combine(folder, "missing.csv"), "CHILD,MISSING,MIS_START,MIS_END\n");
    }

    /// <summary>The caseload as two returns: rows dated in 2023-24 in one folder, the rest in another; header.csv in both.</summary>
    public static void WriteTwoReturns(string earlier, string later)
    {
        var (header, episodes, reviews, adoption) = Build();
        var cut = new LocalDate(2024, 4, 1);
        bool Earlier(string line, int column)
        {
            string[] cells = line.Split(',');
            return cells.Length > column && TryUk(cells[column], out LocalDate d) && d < cut;
        }

        foreach ((string folder, bool early) in new[] { (earlier, true), (later, false) })
        {
            Directory.CreateDirectory(folder);
            WriteFile(Path.Combine(folder, "header.csv"), header, false, "\r\n", bom: false);
            WriteFile(Path.Combine(folder, "episodes.csv"), [episodes[0], .. episodes.Skip(1).Where(l => early ? Earlier(l, 1) : !Earlier(l, 7) || l.Split(',')[7].Length == 0)], false, "\r\n", bom: false);
            WriteFile(Path.Combine(folder, "reviews.csv"), [reviews[0], .. reviews.Skip(1).Where(l => Earlier(l, 2) == early)], false, "\r\n", bom: false);
            WriteFile(Path.Combine(folder, "placed_for_adoption.csv"), [adoption[0], .. adoption.Skip(1).Where(l => Earlier(l, 2) == early || !early)], false, "\r\n", bom: false);
        }
    }

    private static bool TryUk(string text, out LocalDate date)
    {
        var parsed = NodaTime.Text.LocalDatePattern.CreateWithInvariantCulture("dd/MM/uuuu").Parse(text);
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    private static void WriteFile(string path, List<string> lines, bool shuffled, string newline, bool bom)
    {
        IEnumerable<string> rows = lines.Skip(1);
        if (shuffled)
        {
            var random = new Lcg(7);
            var list = rows.ToList();
            for (int i = list.Count - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }

            rows = list;
        }

        var text = new StringBuilder(lines[0]).Append(newline);
        foreach (string row in rows)
        {
            text.Append(row).Append(newline);
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(bom));
    }

    /// <summary>A small linear congruential generator (Knuth's MMIX constants), so the data never depends on a runtime's Random.</summary>
    private sealed class Lcg(ulong seed)
    {
        private ulong state = seed;

        public int Next(int below)
        {
            state = unchecked((state * 6364136223846793005UL) + 1442695040888963407UL);
            return (int)((state >> 33) % (ulong)below);
        }
    }
}

/// <summary>Golden tests of the main job on SSDA903 files: flags.csv, not_evaluated.csv and figures.json are byte for
/// byte what they were before the reading was made faster (their SHA-256 hashes were taken from the code as it was).
/// A change in behaviour fails here; a change of speed never does. When a change is meant, run with
/// IRO_PRINT_GOLDEN=1 to see the new hashes, and say in the commit why the outputs changed. Changed once since: issue K
/// part 1 added flags.csv's trailing iro column (empty here: these files record no allocations), figures.json's two
/// IRO-1 figures and iro_caseloads (not recorded) and their console lines; with those taken out the outputs were
/// byte for byte the same. worklist.csv and the calendars (one hash over calendars/*.ics in name order) were added
/// from the code as it was before the issue J speed steps, with a synthetic caseload that records IRO allocations.</summary>
public sealed class MainJobGoldenTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "iro-golden-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(root) && Environment.GetEnvironmentVariable("IRO_KEEP_GOLDEN") != "1")
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void OneReturn_InChildOrder_Streamed() => AssertGolden(
        ["--ssda903", Folder("one", f => GoldenCaseload.Write(f))],
        exitCode: 1,
        flags: "0E10E62D7A1F9F40AF6F1E5F51D59328DF5E6E2922002F5A2AAE0E3D99093C18",
        notEvaluated: "9BB748A469B09DBBAE5F7A88ABBE7F68934479E4FF4567377F2A9E072129B38A",
        figures: "B5164339030498C7A9509D23561EAB37A95F434B07F9E89948DCD4D0247F4FBD",
        console: "18D23E9CE959D7A5A0D77AFBB24622E0B3BF497B56F836095AE96E2B72450601",
        worklist: "7CE8E0CD5A6D53E2413040284CCC4029FA072444972B05B0F3B57B97A1B2898A",
        calendars: "BD7770F346F72F45C2610446F0A196E0C94D134E1C35E689AE17E86B2A6DB050");

    [Fact]
    public void OneReturn_NotInChildOrder_Buffered() => AssertGolden(
        ["--ssda903", Folder("shuffled", f => GoldenCaseload.Write(f, shuffled: true))],
        exitCode: 1,
        flags: "8853A5D0399F122EDE1A1869F3B1382995B21916824F343A954FF75681737A3A",
        notEvaluated: "39249F7A64E9CD94EF2485893D8CFAB1343809ED3511263659AE9EFA91CFD0A4",
        figures: "A1BAB483783A8FE08E4E35019BB20A95678EA6F3D525A681F9DEE67B336A94EC",
        console: "96AC4CF3E899A0E9DEB0449C5068E4391CB01D21BFCBF2392E197359150D5791",
        worklist: "7CE8E0CD5A6D53E2413040284CCC4029FA072444972B05B0F3B57B97A1B2898A",
        calendars: "BD7770F346F72F45C2610446F0A196E0C94D134E1C35E689AE17E86B2A6DB050");

    [Fact]
    public void TwoReturns_Merged() => AssertGolden(
        ["--ssda903", Folder("2023", f => GoldenCaseload.WriteTwoReturns(f, Path.Combine(root, "2024"))), "--ssda903", Path.Combine(root, "2024")],
        exitCode: 1,
        flags: "E898F7E67C26E3599D648EA14AAFA8D25212705C92494708182125D60D96782E",
        notEvaluated: "71080011234F92B4466001CD89C4C1FA65C23AFB04AD3459DB6C91861CDED90D",
        figures: "A5CF9B25CB95242014D7475A5CE062A8A7EB46BADA9928AED00AF144DE200A8A",
        console: "A5E64A99185DD1A3F1F4A4B9FD4ECB396AADBA1084E3C0A144D1B9282C7A2696",
        worklist: "34CA3DB91C860DD344A620774BE53688793A3B35F37560249181EF88DC745B50",
        calendars: "F39C96035BCE59DD491AD64D0318E18F9A111271E43D9DFA2F22217D31AE5D2F");

    [Fact]
    public void FullHistory() => AssertGolden(
        ["--ssda903", Folder("full", f => GoldenCaseload.Write(f)), "--full-history"],
        exitCode: 1,
        flags: "9BB8BC94EE34E36D12BFFFBE4154E24A599F163EF226521B4F8B16B149F6BC3E",
        notEvaluated: "9BB748A469B09DBBAE5F7A88ABBE7F68934479E4FF4567377F2A9E072129B38A",
        figures: "B4B8524392905B59DB2A8167834A9E86A8D6396052D3E44A2FAF3D678B0D330F",
        console: "BAB19240CC95D0E2D18352FC1A244B31F8DAEDD913F07DCF75C4940273C75265",
        worklist: "3CC7C2D7CE4ACC0614001D002C26A381744764113AB644685331E1A81B199D2B",
        calendars: "560849C71BC53BCAEBAD196054B3E276E115D1BF755A7849561581432E02DD8D");

    /// <summary>The synthetic caseload (the sample's generator, seeded): it records IRO allocations and a roster, so
    /// the worklist has an IRO per calendar and IRO-3 is counted.</summary>
    [Fact]
    public void Synthetic_WithIroAllocations() => AssertGolden(
        ["--count", "3000"],
        exitCode: 0,
        flags: "2BDA50E8E7AD842A3E8A28FF37F155A9DC8EF67D2859B2BC9D011EBF3FB24A14",
        notEvaluated: "73AA72342D8497F2D872B68E33D6D1782587348CACDA35359F8074EA6429B4B9",
        figures: "4FC45F1B150FA8E6F0BF9B60D4CE1F95A050A6C143BB2E1EB5E6D60B5A234758",
        console: "1FDE694C1A2C392948313A206FAA4623B381BCE26170D1079FED5850091DCC7F",
        worklist: "5759CFD6CA1A8A5513B923615C14130F5B681D4FDA5BD915B999439F8205A16C",
        calendars: "F0F8F969A1EA696255C4015A8C7167F5116403DD79F79BD7596CFA50DB7D4C3D");

    private string Folder(string name, Action<string> write)
    {
        string folder = Path.Combine(root, name);
        write(folder);
        return folder;
    }

    private void AssertGolden(string[] input, int exitCode, string flags, string notEvaluated, string figures, string console, string worklist, string calendars)
    {
        string output = Path.Combine(root, "out");
        var run = Cli.Iro.Run(["caseload", .. input, "--as-of", "2025-11-10", "--year", "2024", "--max-rejected", "0.5", "--out", output]);
        string actual = $"exit {run.ExitCode}\nflags: \"{Hash(output, "flags.csv")}\",\nnotEvaluated: \"{Hash(output, "not_evaluated.csv")}\",\nfigures: \"{Hash(output, "figures.json")}\",\nconsole: \"{Console(run.Output)}\",\n"
            + $"worklist: \"{Hash(output, "worklist.csv")}\",\ncalendars: \"{Calendars(output)}\"";
        if (Environment.GetEnvironmentVariable("IRO_PRINT_GOLDEN") == "1")
        {
            System.Console.Error.WriteLine(actual);
        }

        string expected = $"exit {exitCode}\nflags: \"{flags}\",\nnotEvaluated: \"{notEvaluated}\",\nfigures: \"{figures}\",\nconsole: \"{console}\",\nworklist: \"{worklist}\",\ncalendars: \"{calendars}\"";
        Assert.True(expected == actual, $"The outputs changed.\nexpected:\n{expected}\nactual:\n{actual}\n{run.Output}\n{run.Error}");
    }

    /// <summary>The SHA-256 of what the console says that does not depend on the run: the row counts, windows, notes,
    /// flags by rule, the first flags, the children not evaluated and the figures; not the timings, memory or paths.</summary>
    private string Console(string stdout)
    {
        string[] timed = ["Iro.Rules caseload report:", "Weekly flag list", "Annual figures for", "End to end:", "Wrote ", "  ... "];
        var lines = stdout.Replace(root, "ROOT", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => !timed.Any(t => l.StartsWith(t, StringComparison.Ordinal)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));
    }

    /// <summary>One SHA-256 over the calendar files (calendars/*.ics) in ordinal name order: each file's name, a NUL,
    /// its bytes and a NUL.</summary>
    private static string Calendars(string output)
    {
        string folder = Path.Combine(output, "calendars");
        if (!Directory.Exists(folder))
        {
            return "missing";
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string path in Directory.GetFiles(folder, "*.ics").Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(path) + "\0"));
            hash.AppendData(File.ReadAllBytes(path));
            hash.AppendData(new byte[1]);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The file's SHA-256; figures.json with the run's temporary folder names replaced, as they differ per run.</summary>
    private string Hash(string output, string name)
    {
        string path = Path.Combine(output, name);
        if (!File.Exists(path))
        {
            return "missing";
        }

        byte[] bytes = File.ReadAllBytes(path);
        if (name == "figures.json")
        {
            string json = Encoding.UTF8.GetString(bytes).Replace(System.Text.Json.JsonEncodedText.Encode(root).ToString(), "ROOT", StringComparison.Ordinal).Replace(root, "ROOT", StringComparison.Ordinal);
            bytes = Encoding.UTF8.GetBytes(json);
        }

        return Convert.ToHexString(SHA256.HashData(bytes));
    }
}
