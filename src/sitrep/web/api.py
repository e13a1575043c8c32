"""The JSON API under ``/api``: every list paged and filtered like ``sitrep events``.

Inputs are validated here (dates, ``near``, id ranges) so that nothing a client sends can
reach the KB in a shape that makes it fail; the KB's queries bind every value.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from ..kb import query
from . import jobs, records, upload, views
from .selection import GRADES, Box, Filters, clusters, text_matches

MAX_LIMIT = 1000
MAX_POINTS = 20_000  # the map and timeline draw every matching event, a small row each
MAX_CLUSTER_ZOOM = 18
MAX_ID = 2**31 - 1  # PostgreSQL's integer
NO_NUL = r"^[^\x00]*$"  # PostgreSQL refuses NUL in text

router = APIRouter(prefix="/api")


def session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as s:
        yield s


Db = Annotated[Session, Depends(session)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many items.")]
Id = Annotated[int, Path(ge=1, le=MAX_ID)]


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class Created(BaseModel):
    id: int
    created: bool


def _name(value: str | None, what: str) -> str | None:
    """A name, alias or KB id; an id must be one the KB can hold."""
    if value is not None and value.isdigit() and not (value.isascii() and 0 < int(value) <= MAX_ID):
        raise HTTPException(422, f"{what} {value!r} is not a KB id")
    return value


def _near(value: str | None) -> query.Near | None:
    if value is None:
        return None
    try:
        lat, lon, radius = (float(v) for v in value.split(","))
    except ValueError:
        raise HTTPException(422, f"near={value!r} is not LAT,LON,KM") from None
    if not all(map(math.isfinite, (lat, lon, radius))) or not (
        -90 <= lat <= 90 and -180 <= lon <= 180 and 0 < radius <= 20_000
    ):
        raise HTTPException(422, "near needs -90<=LAT<=90, -180<=LON<=180 and 0<KM<=20000")
    return lat, lon, radius


def _box(
    bbox: Annotated[
        str | None,
        Query(max_length=120, description="SOUTH,WEST,NORTH,EAST: inside a map's view."),
    ] = None,
) -> Box | None:
    if bbox is None:
        return None
    try:
        south, west, north, east = (float(v) for v in bbox.split(","))
    except ValueError:
        raise HTTPException(422, f"bbox={bbox!r} is not SOUTH,WEST,NORTH,EAST") from None
    if not all(map(math.isfinite, (south, west, north, east))) or not (
        -90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180
    ):
        raise HTTPException(422, "bbox needs -90<=SOUTH<=NORTH<=90 and longitudes in -180..180")
    return south, west, north, east


ViewBox = Annotated[Box | None, Depends(_box)]


def filters(
    actor: Annotated[
        str | None,
        Query(
            max_length=300, pattern=NO_NUL, description="An actor or person: name, alias or KB id."
        ),
    ] = None,
    place: Annotated[
        str | None, Query(max_length=300, pattern=NO_NUL, description="A place: name or KB id.")
    ] = None,
    near: Annotated[
        str | None, Query(max_length=100, description="LAT,LON,KM: within KM of a point.")
    ] = None,
    since: Annotated[date | None, Query(description="On or after this date.")] = None,
    until: Annotated[date | None, Query(description="On or before this date.")] = None,
    type: Annotated[
        str | None,
        Query(max_length=80, pattern=NO_NUL, description="ACLED event type or sub-type."),
    ] = None,
    grade: Annotated[
        str | None,
        Query(
            pattern=f"^[{GRADES}]$", description="A report's claim at least this reliable (A-F)."
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(max_length=500, pattern=NO_NUL, description="Words a telling report holds."),
    ] = None,
) -> Filters:
    return Filters(
        _name(actor, "actor"),
        _name(place, "place"),
        _near(near),
        None if since is None else since.isoformat(),
        None if until is None else until.isoformat(),
        type,
        grade,
        q or None,
    )


Filtered = Annotated[Filters, Depends(filters)]


def _page(items: list[dict[str, Any]], total: int, limit: int, offset: int) -> Page:
    return Page(items=items, total=total, limit=limit, offset=offset)


@router.get("/events", response_model=Page, summary="Events across reports, newest first")
def list_events(s: Db, f: Filtered, limit: Limit = 100, offset: Offset = 0) -> Page:
    return _page(*views.event_page(s, f, limit, offset), limit, offset)


@router.get("/events/{event_id}", summary="One event across reports, with every telling")
def get_event(s: Db, event_id: Id) -> dict[str, Any]:
    found = views.event(s, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return found


@router.get(
    "/points",
    response_model=Page,
    summary="Every matching event as a small row for the map and the timeline",
)
def list_points(
    s: Db,
    f: Filtered,
    box: ViewBox,
    limit: Annotated[int, Query(ge=1, le=MAX_POINTS)] = 5000,
    even: Annotated[
        bool, Query(description="Taken evenly across the dates, not newest first.")
    ] = False,
) -> Page:
    return _page(*views.points(s, f, limit, box, even), limit, 0)


@router.get(
    "/clusters",
    summary="Matching located events gathered into grid cells for a map at this zoom",
)
def list_clusters(
    s: Db,
    f: Filtered,
    box: ViewBox,
    zoom: Annotated[int, Query(ge=0, le=MAX_CLUSTER_ZOOM, description="The map's zoom.")] = 3,
) -> dict[str, Any]:
    cells, total = clusters(s, f, zoom, box)
    return {"items": cells, "total": total, "zoom": zoom}


@router.get(
    "/documents", response_model=Page, summary="Reports that tell a matching event, newest first"
)
def list_documents(s: Db, f: Filtered, limit: Limit = 100, offset: Offset = 0) -> Page:
    return _page(*views.documents(s, f, limit, offset), limit, offset)


@router.get(
    "/documents/{document_id}", summary="One report's stored analysis, entities with their kb_id"
)
def get_document(s: Db, document_id: Id) -> dict[str, Any]:
    found = views.analysis(s, document_id)
    if found is None:
        raise HTTPException(404, f"no report {document_id}")
    return found


@router.get(
    "/entities", response_model=Page, summary="Entities named by reports that tell a matching event"
)
def list_entities(
    s: Db,
    f: Filtered,
    kind: Annotated[str | None, Query(pattern="^(actor|person|place)$")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page:
    return _page(*views.entities(s, f, kind, limit, offset), limit, offset)


@router.get(
    "/entities/{entity_id}", summary="Dossier: aliases, people, events, routes, places, sources"
)
def get_entity(s: Db, entity_id: Id) -> dict[str, Any]:
    found = query.actor(s, str(entity_id)) or views.place_dossier(s, entity_id)
    if found is None:
        raise HTTPException(404, f"no entity {entity_id}")
    return found


@router.get(
    "/routes",
    response_model=Page,
    summary="Routes; actor=who moves, place/near=a waypoint, type=what moves",
)
def list_routes(s: Db, f: Filtered, limit: Limit = 100, offset: Offset = 0) -> Page:
    return _page(*views.routes(s, f, limit, offset), limit, offset)


@router.get(
    "/claims",
    response_model=Page,
    summary="Claims in reports that tell a matching event, with grades",
)
def list_claims(
    s: Db,
    f: Filtered,
    limit: Limit = 100,
    offset: Offset = 0,
    reliability: Annotated[
        str | None, Query(pattern=f"^[{GRADES}]$", description="At least this reliable (A-F).")
    ] = None,
    credibility: Annotated[
        int | None, Query(ge=1, le=6, description="At least this credible (1-6).")
    ] = None,
    source_type: Annotated[
        str | None, Query(max_length=40, pattern=NO_NUL, description="The source's type.")
    ] = None,
    source: Annotated[
        str | None,
        Query(max_length=300, pattern=NO_NUL, description="The source's words, any case."),
    ] = None,
) -> Page:
    grade = views.ClaimGrade(reliability, credibility, source_type or None, source or None)
    return _page(*views.claims(s, f, limit, offset, grade), limit, offset)


@router.get(
    "/contradictions",
    response_model=Page,
    summary="Where reports disagree about a matching event (or, unfiltered, an allegiance), both sides with their evidence",  # noqa: E501 - one literal
)
def list_contradictions(s: Db, f: Filtered, limit: Limit = 100, offset: Offset = 0) -> Page:
    return _page(*records.contradictions(s, f, limit, offset), limit, offset)


@router.get(
    "/sources",
    response_model=Page,
    summary="Sources of claims in matching reports, most quoted first",
)
def list_sources(s: Db, f: Filtered, limit: Limit = 100, offset: Offset = 0) -> Page:
    return _page(*records.sources(s, f, limit, offset), limit, offset)


@router.get(
    "/source",
    summary="A source's record: what it said and which reports corroborate or contradict it",
)
def get_source(
    s: Db,
    name: Annotated[str, Query(min_length=1, max_length=300, pattern=NO_NUL)],
    limit: Limit = 200,
) -> dict[str, Any]:
    return records.source_record(s, name, limit)


@router.get("/search", response_model=Page, summary="Full-text search over the reports, best first")
def search(
    s: Db,
    q: Annotated[str, Query(min_length=1, max_length=500, pattern=NO_NUL)],
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page:
    hits = query.search(
        s, q, limit=offset + limit
    )  # snippets only for this page; the count comes from the index
    return _page(hits[offset : offset + limit], len(text_matches(s, q)), limit, offset)


@router.get("/graph", summary="Nodes and edges for Cytoscape: events, actors, people, places")
def get_graph(
    s: Db,
    f: Filtered,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many events.")] = 200,
) -> dict[str, Any]:
    return views.graph(s, f, limit)


class Queued(BaseModel):
    job: str
    status: str
    status_url: str


@router.post(
    "/reports",
    response_model=Created | Queued,
    status_code=200,
    responses={202: {"model": Queued, "description": "Queued for analysis: poll status_url"}},
    summary=f"Add a report: pasted text or one .txt/.html/.json/.pdf/image/.docx/.eml file (at most {upload.MAX_BYTES:,} bytes)",  # noqa: E501 - one literal
)
def add_report(
    request: Request,
    text: Annotated[str | None, Form(max_length=upload.MAX_BYTES)] = None,
    file: Annotated[UploadFile | None, File()] = None,
    title: Annotated[str | None, Form(max_length=500)] = None,
    outlet: Annotated[str | None, Form(max_length=300)] = None,
    published: Annotated[
        str | None, Form(pattern=r"^(\d{4}-\d{2}-\d{2})?$", description="YYYY-MM-DD (may be empty)")
    ] = None,
) -> Created | JSONResponse:
    """A report already stored answers 200 with its id; a new one is checked, queued and answered
    202 with a job to poll, so that no request waits for an analysis."""
    if published:
        try:
            date.fromisoformat(published)
        except ValueError:
            raise HTTPException(422, f"published={published!r} is not a date") from None
    form = upload.Upload(
        text=text, title=title or None, outlet=outlet or None, published=published or None
    )
    if file is not None and file.filename:
        form.filename, form.content_type = file.filename, file.content_type
        form.data = file.file.read(upload.MAX_BYTES + 1)
    try:
        doc = upload.document(form)
    except upload.Refused as exc:
        raise HTTPException(exc.status, str(exc)) from None
    existing = upload.stored_id(request.app.state.sessions, doc)
    if existing is not None:
        return Created(id=existing, created=False)
    try:
        job = request.app.state.jobs.submit(doc)
    except jobs.Busy as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": "30"}) from None
    return JSONResponse(
        Queued(job=job.job, status=job.status, status_url=f"/api/jobs/{job.job}").model_dump(),
        status_code=202,
    )


@router.get(
    "/jobs/{job_id}",
    summary="How a queued report's analysis went: queued, running, done (with id) or failed",
)
def get_job(
    request: Request, job_id: Annotated[str, Path(max_length=64, pattern=r"^[0-9a-f]+$")]
) -> dict[str, Any]:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job {job_id}")
    return job.as_dict()
