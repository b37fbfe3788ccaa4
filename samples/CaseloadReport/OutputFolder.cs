using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CaseloadReport;

/// <summary>
/// The job's outputs, written to a temporary folder inside --out and moved into place only when every one is complete,
/// so a run that fails never leaves files that look current.
/// </summary>
internal sealed class OutputFolder : IDisposable
{
    /// <summary>Every file the job writes, in the order they are moved into place (figures.json, which says whether
    /// the run is complete, last).</summary>
    internal static readonly IReadOnlyList<string> Names = ["flags.csv", "not_evaluated.csv", WorklistCsv.FileName, "report.html", "figures.json"];

    /// <summary>The folders the job writes (the calendar files), moved into place before the last file.</summary>
    internal static readonly IReadOnlyList<string> Folders = [WorklistCalendars.Folder];

    private readonly string target;
    private readonly string staging;
    private bool committed;

    private OutputFolder(string target)
    {
        this.target = target;
        staging = Path.Combine(target, ".incomplete-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
    }

    /// <summary>Creates --out if needed and a temporary folder inside it.</summary>
    internal static OutputFolder Create(string outDir)
    {
        Directory.CreateDirectory(outDir);
        return new OutputFolder(outDir);
    }

    /// <summary>Where to write <paramref name="name"/> (in the temporary folder).</summary>
    internal string PathOf(string name) => Path.Combine(staging, name);

    /// <summary>Where <paramref name="name"/> ends up.</summary>
    internal string FinalPathOf(string name) => Path.Combine(target, name);

    /// <summary>Moves every output into place. The previous run's outputs are removed first, so that even a move
    /// interrupted half way leaves only files of this run.</summary>
    internal void Commit()
    {
        RemovePrevious(target);
        for (int i = 0; i < Names.Count; i++)
        {
            if (i == Names.Count - 1)
            {
                foreach (string folder in Folders)
                {
                    Directory.Move(PathOf(folder), FinalPathOf(folder));
                }
            }

            File.Move(PathOf(Names[i]), FinalPathOf(Names[i]), overwrite: true);
        }

        committed = true;
        Directory.Delete(staging, recursive: true);
    }

    /// <summary>Removes the outputs of an earlier run from <paramref name="outDir"/>, if any; returns those removed.</summary>
    internal static IReadOnlyList<string> RemovePrevious(string outDir)
    {
        var removed = new List<string>();
        if (!Directory.Exists(outDir))
        {
            return removed;
        }

        foreach (string name in Names)
        {
            string path = Path.Combine(outDir, name);
            if (File.Exists(path))
            {
                File.Delete(path);
                removed.Add(name);
            }
        }

        // A folder's own files (*.ics), so that no IRO's calendar of an earlier run survives; the folder goes when empty.
        foreach (string folder in Folders)
        {
            string path = Path.Combine(outDir, folder);
            if (Directory.Exists(path))
            {
                foreach (string file in Directory.EnumerateFiles(path, "*.ics"))
                {
                    File.Delete(file);
                }

                if (!Directory.EnumerateFileSystemEntries(path).Any())
                {
                    Directory.Delete(path);
                }

                removed.Add(folder + "/");
            }
        }

        return removed;
    }

    /// <summary>Removes the temporary folder if the outputs were never moved into place.</summary>
    public void Dispose()
    {
        if (!committed && Directory.Exists(staging))
        {
            try
            {
                Directory.Delete(staging, recursive: true);
            }
            catch (IOException)
            {
                // Left behind: its name says it is incomplete, and nothing reads it.
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }
    }
}
