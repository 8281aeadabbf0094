-- supple page breaks for pandoc.
--
-- The supple handout marks each page break with an empty fenced div of class "pagebreak":
--
--     ::: pagebreak
--     :::
--
-- This filter turns that div into a real page break for LaTeX/PDF, HTML (when printed),
-- EPUB, Word (docx), ConTeXt and Typst output, and removes it everywhere else.
-- Without the filter the empty div is harmless: it shows nothing.
--
-- Usage: pandoc handout.md --lua-filter pagebreak.lua -o handout.pdf
-- The filter only reacts to divs that have the class "pagebreak" and no content; the
-- handout's escaping guarantees that text from routines and plugins can never create one.

local breaks = {
  latex = pandoc.RawBlock("latex", "\\newpage{}"),
  beamer = pandoc.RawBlock("latex", "\\newpage{}"),
  context = pandoc.RawBlock("context", "\\page"),
  html = pandoc.RawBlock("html", '<div style="break-after: page; page-break-after: always;"></div>'),
  docx = pandoc.RawBlock("openxml", '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'),
  typst = pandoc.RawBlock("typst", "#pagebreak(weak: true)"),
}

local function break_for(format)
  if format:match("^html") or format:match("^epub") or format:match("^revealjs")
      or format:match("^chunkedhtml") or format:match("^slidy")
      or format:match("^s5") or format:match("^dzslides") or format:match("^slideous") then
    return breaks.html
  end
  return breaks[format]
end

function Div(div)
  if not div.classes:includes("pagebreak") or #div.content > 0 then
    return nil
  end
  local block = break_for(FORMAT)
  if block then
    return block
  end
  return {}
end
