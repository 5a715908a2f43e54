using System;
using System.IO;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Postmortems.Benchmarks
{
    /// <summary>
    /// Runs every benchmark class here with a short job in this process (no generated project to build), with
    /// allocations measured, and writes GitHub-flavoured Markdown tables to the folder given as the first argument.
    /// Any further arguments go to BenchmarkDotNet (--filter *Time* runs one class, say).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            var artifacts = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
            var rest = args.Length > 1 ? args[1..] : new[] { "--filter", "*" };
            var config = ManualConfig.CreateMinimumViable()
                .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddExporter(MarkdownExporter.GitHub)
                .WithArtifactsPath(artifacts)
                .WithOptions(ConfigOptions.DisableLogFile);
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest, config);
            foreach (var summary in summaries)
            {
                if (summary.HasCriticalValidationErrors || summary.Reports.Length == 0) return 1;
                foreach (var report in summary.Reports)
                {
                    if (!report.Success) return 1;
                }
            }
            return 0;
        }
    }
}
