using System.Buffers;
using System.Text.Json;
using Aufsicht.Cli;
using Aufsicht.Core.Assessment;
using Aufsicht.Core.Json;
using Aufsicht.Core.Law;

namespace Aufsicht.Features.Assessment;

/// <summary>
/// <c>aufsicht assess batch &lt;deployments.jsonl|-&gt; [--as-of D] [--authority ID]</c>: one deployment profile per
/// line in, one JSON result per line out, streamed. A bad line gives an error line (and a message on stderr) and the
/// run goes on; the exit code is then 2.
/// </summary>
internal static class BatchCommand
{
    public const string Usage = "aufsicht assess batch <deployments.jsonl|-> [--as-of YYYY-MM-DD] [--authority ID] [--data DIR]";

    public static int Run(IEnumerable<string> args, CliContext context)
    {
        var a = Arguments.Parse("assess batch", args, ["--as-of", "--authority", "--data"], []);
        a.ExpectPositional(1, 1, Usage);
        var data = DataFolder.Load(DataFolder.Locate(a.Option("--data")));
        var asOf = a.Date("--as-of") ?? context.Today;
        var authority = AssessCommand.ResolveAuthority(data.Catalog, a.Option("--authority"), asOf, "assess batch");
        var file = a.Positional[0];
        Stream input;
        try
        {
            input = file == "-" ? context.OpenStdin() : new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InputException($"{file}: cannot be read: {e.Message}");
        }

        using (input)
        {
            using var output = context.OpenStdout();
            using var batch = new Batch(data, asOf, authority, output, context.Error, file == "-" ? "stdin" : file);
            return batch.Run(input);
        }
    }

    /// <summary>The state of one run: the engine with its memo, and the output writer.</summary>
    internal sealed class Batch : IDisposable
    {
        private readonly LegalData _data;
        private readonly DateOnly _asOf;
        private readonly AuthorityProfile _authority;
        private readonly CatalogAssessor _assessor;
        private readonly AssessmentJson _json;
        private readonly Utf8JsonWriter _writer;
        private readonly Stream _output;
        private readonly TextWriter _errors;
        private readonly string _name;
        private readonly byte[] _asOfText;
        private int _failed;

        public Batch(LegalData data, DateOnly asOf, AuthorityProfile authority, Stream output, TextWriter errors, string name)
        {
            _data = data;
            _asOf = asOf;
            _authority = authority;
            _assessor = new CatalogAssessor(new Assessor(data.Criteria, data.Law), data.Catalog);
            _json = new AssessmentJson(new FindingText(data.Criteria), cacheFindings: true);
            _output = new BufferedStream(output, 1 << 16);
            _writer = new Utf8JsonWriter(_output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
            _errors = errors;
            _name = name;
            _asOfText = System.Text.Encoding.UTF8.GetBytes(AssessmentJson.Date(asOf));
        }

        public int Failed => _failed;

        public void Dispose()
        {
            _writer.Dispose();
            _output.Dispose();
        }

        /// <summary>Reads the input line by line (UTF-8, '\n' or "\r\n") and writes one result per non-empty line.</summary>
        public int Run(Stream input)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
            try
            {
                var filled = 0;
                var line = 0;
                while (true)
                {
                    if (filled == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, filled).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }

                    var read = input.Read(buffer, filled, buffer.Length - filled);
                    filled += read;
                    var start = 0;
                    while (true)
                    {
                        var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                        if (newline < 0)
                        {
                            break;
                        }

                        Line(++line, buffer.AsMemory(start, newline));
                        start += newline + 1;
                    }

                    if (read == 0)
                    {
                        if (filled > start)
                        {
                            Line(++line, buffer.AsMemory(start, filled - start));
                        }

                        break;
                    }

                    buffer.AsSpan(start, filled - start).CopyTo(buffer);
                    filled -= start;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
                _writer.Flush();
                _output.Flush();
            }

            return _failed == 0 ? ExitCode.Ok : ExitCode.InvalidInput;
        }

        public void Line(int number, ReadOnlyMemory<byte> text)
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
                Fail(number, null, parsed.Errors[0].ToString());
                return;
            }

            using var document = parsed.Value;
            var read = ProfileReader.ReadDeployment(document.RootElement);
            if (!read.IsOk)
            {
                Fail(number, null, string.Join("; ", read.Errors));
                return;
            }

            var deployment = read.Value;
            if (!_data.Catalog.Contains(deployment.Service))
            {
                Fail(number, deployment.Id, $"service: '{deployment.Service}' is not in the catalogue");
                return;
            }

            var w = _writer;
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
            w.WriteString("authority", _authority.Id);
            var snapshot = _data.Catalog.SnapshotOn(deployment.Service, _asOf);
            if (snapshot is null)
            {
                var unknown = _assessor.Unknown(deployment.Service, _asOf, _authority);
                w.WriteString("verdict", unknown.Verdict.WireName());
                w.WriteString("technical", unknown.Technical.WireName());
                w.WritePropertyName("deployment");
                _json.WriteDeployment(w, new DeploymentAssessment(Verdict.NotAssessed, unknown.Findings), unknown);
            }
            else
            {
                var atNormal = _assessor.AssessService(snapshot, _asOf, _authority, "normal");
                var atNeed = deployment.ProtectionNeed == "normal" ? atNormal : _assessor.AssessService(snapshot, _asOf, _authority, deployment.ProtectionNeed);
                var use = _assessor.Engine.AssessDeployment(snapshot, atNeed, deployment);
                w.WriteString("verdict", atNormal.Verdict.WireName());
                w.WriteString("technical", atNormal.Technical.WireName());
                w.WritePropertyName("deployment");
                _json.WriteDeployment(w, use, atNeed);
            }

            w.WriteEndObject();
            w.Flush();
            w.Reset();
            _output.WriteByte((byte)'\n');
        }

        private void Fail(int number, string? id, string message)
        {
            _failed++;
            var w = _writer;
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
            _output.WriteByte((byte)'\n');
            _errors.WriteLine($"{_name}:{number}: {message}");
        }
    }
}
