"""Distances on the globe, shared by place resolution, routes, the knowledge base and exports."""

import math

import numpy as np

EARTH_RADIUS_KM = 6371.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def bbox(lat: float, lon: float, radius_km: float) -> tuple[float, float, float, float]:
    """Latitude and longitude bounds around a point, for an indexed pre-filter before ``km``."""
    dlat = radius_km / 111.0
    dlon = radius_km / (111.0 * max(0.01, math.cos(math.radians(lat))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def nearest_km(lat: float, lon: float, points: np.ndarray) -> float:
    """Distance to the nearest of ``points`` (an n x 2 array of latitudes and longitudes in radians)."""
    p1, l1 = math.radians(lat), math.radians(lon)
    h = (
        np.sin((points[:, 0] - p1) / 2) ** 2
        + math.cos(p1) * np.cos(points[:, 0]) * np.sin((points[:, 1] - l1) / 2) ** 2
    )
    return float(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.minimum(1.0, h.min()))))
