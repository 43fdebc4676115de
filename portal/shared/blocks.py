"""StreamField blocks shared by stories and methods. Each block renders through its own template."""

from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Tekstafsnit"
        template = "blocks/paragraph.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Trin", max_length=200)
    text = blocks.RichTextBlock(label="Beskrivelse", features=["bold", "italic", "ul", "link"], required=False)

    class Meta:
        icon = "list-ol"
        label = "Trin"


class StepListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Overskrift", required=False, max_length=200)
    steps = blocks.ListBlock(StepBlock(), label="Trin", min_num=1)

    class Meta:
        icon = "list-ol"
        label = "Trin for trin"
        template = "blocks/step_list.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citat")
    role = blocks.CharBlock(
        label="Hvem siger det (rolle)",
        max_length=200,
        help_text="Angiv rolle og arbejdssted, fx 'Virksomhedskonsulent, Jobcenter Varde'. Ingen borgernavne.",
    )
    speaker_kind = blocks.ChoiceBlock(
        label="Type",
        choices=[("practitioner", "Fagperson"), ("employer", "Arbejdsgiver"), ("other", "Andet")],
        default="practitioner",
    )

    class Meta:
        icon = "openquote"
        label = "Citat"
        template = "blocks/quote.html"


class TipBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Overskrift", default="Godt råd", max_length=120)
    text = blocks.RichTextBlock(label="Tip", features=["bold", "italic", "link"])

    class Meta:
        icon = "help"
        label = "Tip fra praksis"
        template = "blocks/tip.html"


class AccessibleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label="Billede")
    alt_text = blocks.CharBlock(
        label="Alternativ tekst",
        max_length=250,
        help_text="Beskriv hvad billedet viser for den, der ikke kan se det. Påkrævet.",
    )
    caption = blocks.CharBlock(label="Billedtekst", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Billede"
        template = "blocks/image.html"


VIDEO_HOSTS = ("youtube.com", "www.youtube.com", "youtu.be", "vimeo.com", "player.vimeo.com", "www.dr.dk")


def video_embed_url(url: str) -> str | None:
    """The privacy-friendly player address for a video page address, or None if we do not know the host."""
    parsed = urlparse(url)
    host = parsed.hostname or ""
    if host.endswith("youtube.com"):
        video_id = parse_qs(parsed.query).get("v", [""])[0]
        return f"https://www.youtube-nocookie.com/embed/{video_id}" if video_id else None
    if host == "youtu.be":
        return f"https://www.youtube-nocookie.com/embed/{parsed.path.strip('/')}"
    if host.endswith("vimeo.com"):
        video_id = parsed.path.rstrip("/").rsplit("/", 1)[-1]
        return f"https://player.vimeo.com/video/{video_id}?dnt=1" if video_id.isdigit() else None
    return None


class ClickToLoadVideoBlock(blocks.StructBlock):
    """A video that loads nothing from a third party until the visitor asks for it."""

    url = blocks.URLBlock(label="Videoens adresse", help_text="YouTube, Vimeo eller DR.")
    title = blocks.CharBlock(label="Titel", max_length=200)
    transcript = blocks.TextBlock(label="Kort beskrivelse eller udskrift", required=False)

    def clean(self, value):
        value = super().clean(value)
        if urlparse(value["url"]).hostname not in VIDEO_HOSTS:
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError("Videoen skal ligge på YouTube, Vimeo eller DR.")}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value["url"])
        return context

    class Meta:
        icon = "media"
        label = "Video (indlæses ved klik)"
        template = "blocks/video.html"


class PracticeStreamBlock(blocks.StreamBlock):
    """What was done, told in enough detail to repeat it."""

    paragraph = ParagraphBlock()
    steps = StepListBlock()
    quote = QuoteBlock()
    tip = TipBlock()
    image = AccessibleImageBlock()
    video = ClickToLoadVideoBlock()


class MethodStepsStreamBlock(blocks.StreamBlock):
    """How to do a method: steps, tips and short paragraphs."""

    paragraph = ParagraphBlock()
    steps = StepListBlock()
    tip = TipBlock()
