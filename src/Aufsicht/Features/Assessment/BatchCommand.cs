using System.Buffers;
using System.Text.Json;
using Aufsicht.Cli;
using Aufsicht.Core.Assessment;
using Aufsicht.Core.Catalog;
using Aufsicht.Core.DataFiles;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Assessment;

/// <summary>
/// <c>aufsicht assess batch &lt;deployments.jsonl|-&gt; [--as-of D] [--authority ID] [--explain]</c>: one deployment
/// profile per line in, one JSON result per line out, streamed in input order. Findings are compact (criterion,
/// level, reason) unless --explain asks for the texts in both languages: re-evaluating a survey repeats the same
/// texts thousands of times. A bad line gives an error line (and a message on stderr) and the run goes on; the exit
/// code is then 2.
/// </summary>
internal static class BatchCommand
{
    public const string Usage = "aufsicht assess batch <deployments.jsonl|-> [--as-of YYYY-MM-DD] [--authority ID] [--explain] [--data DIR]";

    public static int Run(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("assess batch", args, ["--as-of", "--authority", "--data"], ["--explain"], context.Language);
        a.ExpectPositional(1, 1, Usage);
        var (data, asOf, authority) = DataFolder.View(a, context);
        var file = a.Positional[0];
        Stream input;
        try
        {
            input = file == "-" ? context.OpenStdin() : new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InputException(Features.Texts.T(context.Language, "cli.file.cannotRead", file, e.Message));
        }

        using (input)
        {
            using var output = context.OpenStdout();
            var batch = new Batch(data, asOf, authority, context.Error, file == "-" ? "stdin" : file, explain: a.Flag("--explain"), context.Language);
            return batch.Run(input, output);
        }
    }

    /// <summary>
    /// One run. The input is cut into blocks of whole lines; blocks are assessed in parallel (one per core, a few
    /// ahead) and written strictly in input order. The engine's service memo is shared; each block renders its own JSON.
    /// </summary>
    internal sealed class Batch(LegalData data, DateOnly asOf, AuthorityProfile authority, TextWriter errors, string name, bool explain, Language language)
    {
        private const int BlockSize = 1 << 20;
        private readonly CatalogAssessor _assessor = new(new Assessor(data.Criteria, data.Law), data.Catalog);
        private readonly byte[] _asOfText = System.Text.Encoding.UTF8.GetBytes(AssessmentJson.Date(asOf));
        private readonly FindingText _texts = new(data.Criteria);

        public int Run(Stream input, Stream output)
        {
            var pending = new Queue<Task<BlockResult>>();
            var failed = 0;
            var maxInFlight = Environment.ProcessorCount + 1;

            void Drain(int keep)
            {
                while (pending.Count > keep)
                {
                    var result = pending.Dequeue().GetAwaiter().GetResult();
                    output.Write(result.Output.WrittenSpan);
                    foreach (var message in result.Errors)
                    {
                        errors.WriteLine(message);
                    }

                    failed += result.Errors.Count;
                }
            }

            var buffer = new byte[BlockSize];
            var filled = 0;
            var line = 0;
            var eof = false;
            while (!eof)
            {
                while (filled < buffer.Length)
                {
                    var read = input.Read(buffer, filled, buffer.Length - filled);
                    if (read == 0)
                    {
                        eof = true;
                        break;
                    }

                    filled += read;
                }

                var end = eof ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
                if (end == 0 && !eof)
                {
                    // One line longer than the buffer: make room and read on.
                    Array.Resize(ref buffer, buffer.Length * 2);
                    continue;
                }

                // The block keeps this buffer; the unfinished last line moves to a fresh one.
                var block = buffer.AsMemory(0, end);
                var firstLine = line;
                line += block.Span.Count((byte)'\n') + (end > 0 && buffer[end - 1] != (byte)'\n' ? 1 : 0);
                pending.Enqueue(Task.Run(() => Process(block, firstLine)));
                Drain(maxInFlight);
                var next = new byte[Math.Max(BlockSize, (filled - end) * 2)];
                buffer.AsSpan(end, filled - end).CopyTo(next);
                filled -= end;
                buffer = next;
            }

            Drain(0);
            output.Flush();
            return failed == 0 ? ExitCode.Ok : ExitCode.InvalidInput;
        }

        private sealed record BlockResult(ArrayBufferWriter<byte> Output, List<string> Errors);

        private BlockResult Process(ReadOnlyMemory<byte> block, int firstLine)
        {
            var output = new ArrayBufferWriter<byte>(block.Length / 2 + 1024);
            var result = new BlockResult(output, []);
            var json = new AssessmentJson(_texts, cacheFindings: true, compact: !explain);
            using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
            var number = firstLine;
            var rest = block;
            while (!rest.IsEmpty)
            {
                var newline = rest.Span.IndexOf((byte)'\n');
                var text = newline < 0 ? rest : rest[..newline];
                rest = newline < 0 ? ReadOnlyMemory<byte>.Empty : rest[(newline + 1)..];
                Line(++number, text, writer, json, output, result.Errors);
            }

            return result;
        }

        private void Line(int number, ReadOnlyMemory<byte> text, Utf8JsonWriter w, AssessmentJson json, ArrayBufferWriter<byte> output, List<string> errorList)
        {
            if (text.Length > 0 && text.Span[^1] == (byte)'\r')
            {
                text = text[..^1];
            }

            if (text.Span.Trim((byte)' ').IsEmpty)
            {
                return;
            }

            var parsed = ProfileReader.ParseDocument(text);
            if (!parsed.IsOk)
            {
                Fail(number, null, CliFailures.Line(parsed.Errors[0], language), w, output, errorList);
                return;
            }

            using var document = parsed.Value;
            var read = ProfileReader.ReadDeployment(document.RootElement);
            if (!read.IsOk)
            {
                Fail(number, null, string.Join("; ", read.Errors.Select(e => CliFailures.Line(e, language))), w, output, errorList);
                return;
            }

            var deployment = read.Value;
            if (!data.Catalog.Contains(deployment.Service))
            {
                Fail(number, deployment.Id, CliFailures.Line(Core.Error.NotFound("service", "service.notFound", deployment.Service), language), w, output, errorList);
                return;
            }

            w.WriteStartObject();
            w.WriteNumber("line", number);
            if (deployment.Id is { } id)
            {
                w.WriteString("id", id);
            }

            if (deployment.Body.Id is { } body)
            {
                w.WriteString("body", body);
            }

            w.WriteString("service", deployment.Service);
            w.WriteString("asOf", _asOfText);
            w.WriteString("authority", authority.Id);
            var snapshot = data.Catalog.SnapshotOn(deployment.Service, asOf);
            if (snapshot is null)
            {
                var unknown = _assessor.Unknown(deployment.Service, asOf, authority);
                w.WriteString("verdict", unknown.Verdict.WireName());
                w.WriteString("technical", unknown.Technical.WireName());
                w.WritePropertyName("deployment");
                json.WriteDeployment(w, new DeploymentAssessment(Verdict.NotAssessed, unknown.Findings), unknown);
            }
            else
            {
                var (atNormal, atNeed, use) = _assessor.AssessUse(snapshot, deployment, asOf, authority);
                w.WriteString("verdict", atNormal.Verdict.WireName());
                w.WriteString("technical", atNormal.Technical.WireName());
                w.WritePropertyName("deployment");
                json.WriteDeployment(w, use, atNeed);
            }

            w.WriteEndObject();
            w.Flush();
            w.Reset();
            output.Write("\n"u8);
        }

        private void Fail(int number, string? id, string message, Utf8JsonWriter w, ArrayBufferWriter<byte> output, List<string> errorList)
        {
            w.WriteStartObject();
            w.WriteNumber("line", number);
            if (id is not null)
            {
                w.WriteString("id", id);
            }

            w.WriteString("error", message);
            w.WriteEndObject();
            w.Flush();
            w.Reset();
            output.Write("\n"u8);
            errorList.Add($"{name}:{number}: {message}");
        }
    }
}
