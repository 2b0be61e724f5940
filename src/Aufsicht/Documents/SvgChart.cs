using System.Text;
using System.Xml;
using Aufsicht.Core.Law;

namespace Aufsicht.Documents;

/// <summary>
/// Charts as SVG for inline use in pages and as pictures in ODT. The page's CSP forbids inline styles, so everything
/// is drawn with presentation attributes; CSS classes (<c>chart-*</c>) let a stylesheet adjust it. The picture carries
/// its title and a text description; pages should also show <see cref="TableOf"/> for screen readers.
/// </summary>
internal static class SvgChart
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    /// <summary>
    /// The chart as an <c>&lt;svg&gt;</c> element without XML declaration. <paramref name="id"/> prefixes the element ids
    /// (title, description, patterns) and must be unique on the page when several charts are shown.
    /// </summary>
    public static string Render(ChartModel model, Language language, string id = "chart")
    {
        ArgumentNullException.ThrowIfNull(model);
        id = SafeId(id);
        var scene = ChartLayout.Lay(model, language);
        var text = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false, ConformanceLevel = ConformanceLevel.Fragment };
        using (var xml = XmlWriter.Create(text, settings))
        {
            xml.WriteStartElement("svg", SvgNamespace);
            xml.WriteAttributeString("width", ReportFormat.Coordinate(scene.Width));
            xml.WriteAttributeString("height", ReportFormat.Coordinate(scene.Height));
            xml.WriteAttributeString("viewBox", $"0 0 {ReportFormat.Coordinate(scene.Width)} {ReportFormat.Coordinate(scene.Height)}");
            xml.WriteAttributeString("role", "img");
            xml.WriteAttributeString("aria-labelledby", $"{id}-title {id}-desc");
            xml.WriteAttributeString("class", model switch { BarChart => "report-chart report-chart-bar", GanttChart => "report-chart report-chart-gantt", _ => "report-chart report-chart-line" });
            xml.WriteAttributeString("font-family", "'Liberation Sans', Arial, Helvetica, sans-serif");

            xml.WriteStartElement("title", SvgNamespace);
            xml.WriteAttributeString("id", $"{id}-title");
            xml.WriteString(ReportFormat.XmlSafe(model.Title));
            xml.WriteEndElement();
            xml.WriteStartElement("desc", SvgNamespace);
            xml.WriteAttributeString("id", $"{id}-desc");
            xml.WriteString(ReportFormat.XmlSafe(Describe(model, language)));
            xml.WriteEndElement();

            var tones = scene.Shapes.OfType<SegmentShape>().Select(s => s.Tone).Distinct().ToList();
            if (tones.Count > 0)
            {
                xml.WriteStartElement("defs", SvgNamespace);
                foreach (var tone in tones)
                {
                    WritePattern(xml, id, tone);
                }

                xml.WriteEndElement();
            }

            foreach (var shape in scene.Shapes)
            {
                WriteShape(xml, id, shape);
            }

            xml.WriteEndElement();
        }

        return text.ToString();
    }

    /// <summary>The chart's data as a table (category, one column per series, total if stacked) for screen readers.</summary>
    public static Table TableOf(ChartModel model, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        switch (model)
        {
            case BarChart bar:
                {
                    List<string> headers = [bar.CategoryHeader, .. bar.Series.Select(s => s.Name)];
                    if (bar.IsStacked)
                    {
                        headers.Add(DocumentText.T(language, "report.chart.total"));
                    }

                    var rows = bar.Bars.Select(b =>
                    {
                        List<string> row = [b.Label, .. b.Values.Select(v => ReportFormat.Number(v, language))];
                        if (bar.IsStacked)
                        {
                            row.Add(ReportFormat.Number(b.Total, language));
                        }

                        return (IReadOnlyList<string>)row;
                    }).ToList();
                    return new Table(bar.Title, headers, rows);
                }

            case LineChart line:
                return new Table(
                    line.Title,
                    [DocumentText.T(language, "report.chart.date"), line.ValueHeader],
                    [.. line.Points.Select(p => (IReadOnlyList<string>)[ReportFormat.Date(p.Date, language), ReportFormat.Percent(p.Percent, language)])]);

            case GanttChart gantt:
                return new Table(
                    gantt.Title,
                    [gantt.RowHeader, .. gantt.Kinds.Select(k => k.Name), .. gantt.MilestoneKinds],
                    [.. gantt.Rows.Select(r => (IReadOnlyList<string>)
                    [
                        r.FullLabel,
                        .. gantt.Kinds.Select((_, k) => Cell(r.Bars.Where(b => b.Kind == k).OrderBy(b => b.Start).Select(ChartLayout.Span))),
                        .. gantt.MilestoneKinds.Select((_, m) => Cell(r.Milestones.Where(x => x.Kind == m).OrderBy(x => x.Month).Select(x => ReportFormat.Month(x.Month)))),
                    ])]);

            default:
                throw new ArgumentOutOfRangeException(nameof(model), model.GetType().Name, "Unknown chart kind.");
        }

        static string Cell(IEnumerable<string> parts) => string.Join("; ", parts) is { Length: > 0 } text ? text : "–";
    }

    /// <summary>The description a screen reader speaks for the picture: the given one, or the data in words.</summary>
    public static string Describe(ChartModel model, Language language)
    {
        if (!string.IsNullOrWhiteSpace(model.Description))
        {
            return model.Description;
        }

        var table = TableOf(model, language);
        var rows = table.Rows.Select(r => r[0] + ": " + string.Join(", ", r.Skip(1).Select((cell, i) => table.Headers[i + 1] + " " + cell)));
        var key = model switch { BarChart => "report.chart.bar.describe", GanttChart => "report.chart.gantt.describe", _ => "report.chart.line.describe" };
        return DocumentText.T(language, key, string.Join("; ", rows));
    }

    private static void WritePattern(XmlWriter xml, string id, Tone tone)
    {
        var swatch = ReportPalette.For(tone);
        xml.WriteStartElement("pattern", SvgNamespace);
        xml.WriteAttributeString("id", PatternId(id, tone));
        xml.WriteAttributeString("patternUnits", "userSpaceOnUse");
        xml.WriteAttributeString("width", "6");
        xml.WriteAttributeString("height", "6");
        Element(xml, "rect", ("width", "6"), ("height", "6"), ("fill", swatch.Fill));
        switch (swatch.Pattern)
        {
            case FillPattern.Diagonal:
                Element(xml, "path", ("d", "M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2"), ("stroke", swatch.PatternInk), ("stroke-width", "1"));
                break;
            case FillPattern.CrossHatch:
                Element(xml, "path", ("d", "M0,0 l6,6 M6,0 l-6,6"), ("stroke", swatch.PatternInk), ("stroke-width", "1"));
                break;
            case FillPattern.Dots:
                Element(xml, "circle", ("cx", "3"), ("cy", "3"), ("r", "1.1"), ("fill", swatch.PatternInk));
                break;
            case FillPattern.Solid:
            default:
                break;
        }

        xml.WriteEndElement();
    }

    private static void WriteShape(XmlWriter xml, string id, Shape shape)
    {
        switch (shape)
        {
            case SegmentShape s:
                xml.WriteStartElement("rect", SvgNamespace);
                xml.WriteAttributeString("x", ReportFormat.Coordinate(s.X));
                xml.WriteAttributeString("y", ReportFormat.Coordinate(s.Y));
                xml.WriteAttributeString("width", ReportFormat.Coordinate(s.Width));
                xml.WriteAttributeString("height", ReportFormat.Coordinate(s.Height));
                xml.WriteAttributeString("fill", $"url(#{PatternId(id, s.Tone)})");
                xml.WriteAttributeString("stroke", ReportPalette.For(s.Tone).Outline);
                xml.WriteAttributeString("stroke-width", "1");
                xml.WriteAttributeString("class", "chart-segment chart-tone-" + s.Tone.ToString().ToLowerInvariant());
                if (s.Tooltip is not null)
                {
                    xml.WriteElementString("title", SvgNamespace, ReportFormat.XmlSafe(s.Tooltip));
                }

                xml.WriteEndElement();
                break;
            case LineShape l:
                Element(xml, "line", ("x1", C(l.X1)), ("y1", C(l.Y1)), ("x2", C(l.X2)), ("y2", C(l.Y2)), ("stroke", l.Colour), ("stroke-width", C(l.Thickness)), ("class", l.CssClass));
                break;
            case TextShape t:
                xml.WriteStartElement("text", SvgNamespace);
                xml.WriteAttributeString("x", C(t.X));
                xml.WriteAttributeString("y", C(t.Y));
                xml.WriteAttributeString("font-size", C(t.Size));
                if (t.Bold)
                {
                    xml.WriteAttributeString("font-weight", "bold");
                }

                if (t.Anchor != TextAnchor.Start)
                {
                    xml.WriteAttributeString("text-anchor", t.Anchor == TextAnchor.Middle ? "middle" : "end");
                }

                xml.WriteAttributeString("fill", t.Colour);
                xml.WriteAttributeString("class", t.CssClass);
                xml.WriteString(ReportFormat.XmlSafe(t.Text));
                xml.WriteEndElement();
                break;
            case PolylineShape p:
                Element(xml, "polyline", ("points", string.Join(' ', p.Points.Select(pt => C(pt.X) + "," + C(pt.Y)))), ("fill", "none"), ("stroke", p.Colour), ("stroke-width", C(p.Thickness)), ("stroke-linejoin", "round"), ("class", "chart-line"));
                break;
            case DotShape d:
                Element(xml, "circle", ("cx", C(d.X)), ("cy", C(d.Y)), ("r", C(d.Radius)), ("fill", d.Fill), ("stroke", d.Outline), ("stroke-width", "1.5"), ("class", "chart-point"));
                break;
            case DiamondShape d:
                xml.WriteStartElement("polygon", SvgNamespace);
                xml.WriteAttributeString("points", $"{C(d.X)},{C(d.Y - d.Radius)} {C(d.X + d.Radius)},{C(d.Y)} {C(d.X)},{C(d.Y + d.Radius)} {C(d.X - d.Radius)},{C(d.Y)}");
                xml.WriteAttributeString("fill", d.Fill);
                xml.WriteAttributeString("stroke", d.Outline);
                xml.WriteAttributeString("stroke-width", "1.5");
                xml.WriteAttributeString("class", "chart-milestone");
                if (d.Tooltip is not null)
                {
                    xml.WriteElementString("title", SvgNamespace, ReportFormat.XmlSafe(d.Tooltip));
                }

                xml.WriteEndElement();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape.GetType().Name, "Unknown shape.");
        }
    }

    private static void Element(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name, SvgNamespace);
        foreach (var (attribute, value) in attributes)
        {
            xml.WriteAttributeString(attribute, value);
        }

        xml.WriteEndElement();
    }

    private static string C(double value) => ReportFormat.Coordinate(value);

    private static string PatternId(string id, Tone tone) => $"{id}-fill-{tone.ToString().ToLowerInvariant()}";

    /// <summary>Ids end up in <c>url(#…)</c> and <c>aria-labelledby</c>: letters, digits, '-' and '_' only.</summary>
    private static string SafeId(string id)
    {
        var safe = new string([.. id.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')]);
        return safe.Length > 0 && char.IsAsciiLetter(safe[0]) ? safe : "chart" + safe;
    }
}
